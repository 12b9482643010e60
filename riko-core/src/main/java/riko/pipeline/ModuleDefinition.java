package riko.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One module object of a pipe definition ({@code pipelines.md} 1.2), with its id already
 * normalised.
 *
 * @param id the normalised id ({@code sw-502} becomes {@code sw_502})
 * @param type a module name, {@code output}, or a sub-pipeline reference {@code pipe:<id>}
 * @param conf the conf as written ({@code null} read as empty)
 * @param emit the {@code emit} option, or {@code null}
 * @param assign the {@code assign} option, or {@code null}
 * @param field the {@code field} option, or {@code null}
 * @param count the {@code count} option ({@code first}/{@code all}), or {@code null}
 * @param embed a loop's embedded module, or {@code null}
 * @param func the name of a registered user function ({@code udf}, {@code aggregate}), or
 *     {@code null}
 */
public record ModuleDefinition(
    String id,
    String type,
    Map<String, @Nullable Object> conf,
    @Nullable Boolean emit,
    @Nullable String assign,
    @Nullable String field,
    @Nullable String count,
    @Nullable Embed embed,
    @Nullable String func) {

  /** Copies the conf. */
  public ModuleDefinition {
    conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
  }

  /** A module that names no user function. */
  public ModuleDefinition(String id, String type, Map<String, @Nullable Object> conf, @Nullable Boolean emit,
      @Nullable String assign, @Nullable String field, @Nullable String count, @Nullable Embed embed) {
    this(id, type, conf, emit, assign, field, count, embed, null);
  }

  /** Whether this is the pass-through {@code output} module. */
  public boolean isOutput() {
    return type.equals("output");
  }

  /** Whether this module runs another pipeline ({@code pipe:<id>} or {@code pipe_<id>}). */
  public boolean isSubPipeline() {
    return type.startsWith("pipe:") || type.startsWith("pipe_");
  }

  /**
   * A loop's embedded module.
   *
   * @param id the embed's id
   * @param type its module name or sub-pipeline reference
   */
  public record Embed(String id, String type) {}
}
