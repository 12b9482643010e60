package riko.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A processor's declaration ({@code modules.md}, "Declaration parameters"): its conf defaults,
 * the field it reads by default and how that field is cast, whether results are emitted by
 * default, and where they are assigned otherwise.
 *
 * @param defaults conf defaults, under the caller's conf
 * @param field the default field, or {@code null} to hand the logic the whole item
 * @param fieldCast how the field is cast ({@link FieldCast#NONE} for sources)
 * @param alwaysEmit {@code true} for sources and modules that always emit; {@code false} for
 *     riko's automatic rule (streams and maps are emitted, other values assigned)
 * @param assign the default assignment key
 * @param castField {@code false} for modules whose conf riko does not parse ({@code hash},
 *     {@code datebuilder}), which also skips the field cast
 */
public record ProcessorSpec(
    Map<String, @Nullable Object> defaults,
    @Nullable String field,
    FieldCast fieldCast,
    boolean alwaysEmit,
    String assign,
    boolean castField) {

  /** Copies the defaults. */
  public ProcessorSpec {
    defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
  }

  /** A source: ignores its input field, always emits, assigns to {@code content}. */
  public static ProcessorSpec source(Map<String, @Nullable Object> defaults) {
    return new ProcessorSpec(defaults, null, FieldCast.NONE, true, "content", true);
  }

  /** A transformer reading {@code field} (cast with {@code cast}) and assigning to {@code assign}. */
  public static ProcessorSpec transformer(
      Map<String, @Nullable Object> defaults, @Nullable String field, FieldCast cast, String assign) {
    return new ProcessorSpec(defaults, field, cast, false, assign, true);
  }

  /** A copy that always emits. */
  public ProcessorSpec emitting() {
    return new ProcessorSpec(defaults, field, fieldCast, true, assign, castField);
  }

  /** A copy that skips the field cast (riko's {@code ptype = none}). */
  public ProcessorSpec rawField() {
    return new ProcessorSpec(defaults, field, fieldCast, alwaysEmit, assign, false);
  }
}
