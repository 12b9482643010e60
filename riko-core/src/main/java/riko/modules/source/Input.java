package riko.modules.source;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.Cast;
import riko.value.PyStr;

/**
 * riko's {@code input}: a value supplied by the user when the pipe runs, cast to a type. Its
 * output is usually wired into another module's conf as a terminal ({@code {"terminal": ...}}).
 * Not loopable.
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code type} (cast name, default {@code text}): the cast applied to the value, one of
 *       {@link Cast#knownNames()}; {@code location} gives riko's {@code street_address} stub;
 *   <li>{@code default} (any, default {@code ""}): the value used when no input is supplied;
 *   <li>{@code input_key} (text, default {@code content}): the key looked up in the user inputs
 *       (QUIRK: not {@code name});
 *   <li>{@code prompt} (text, default {@code "Enter text"}) and {@code test} (bool, default
 *       false): accepted for compatibility; see below. Legacy keys {@code name},
 *       {@code position} and {@code debug} are ignored.
 * </ul>
 *
 * <p><b>Emits</b> one raw value per input item (once when the module starts a pipe): when the
 * run's user inputs ({@link riko.spi.ModuleContext#inputs()}) are not empty, the input under
 * {@code input_key}, or {@code default} when that key is absent; when they are empty,
 * {@code default}. The value is then cast with {@code type}. riko-java never prompts on the
 * console: it is non-interactive by design, so where riko would ask ({@code prompt}, with
 * neither the conf's nor the context's {@code test} flag set) it takes {@code default}, exactly
 * as riko does under {@code test}. With {@code emit: false} the value is assigned:
 * {@code {"content": value}}.
 *
 * <p><b>Errors.</b> A {@code type} that names no cast is a {@link ConfException} naming
 * {@code type} and listing the known casts: at assembly when the conf is static, otherwise when
 * the item is processed. Casting itself never fails (an unreadable value becomes the type's
 * default, e.g. {@code 0} for {@code int}).
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * ModuleCall call = ModuleCall.of("input", RawConf.of("type", "int", "default", "3", "input_key", "limit"))
 *     .withContext(ModuleContext.defaults().withInputs(Map.of("limit", "2")));
 * Flux<Item> limit = Flux.just(Item.empty()).transform(new Input().create(call));   // 2
 * }</pre>
 * In a pipeline: {@code {"id": "sw-1", "type": "input", "conf": {"type": {"type": "text",
 * "value": "int"}, "default": {"type": "text", "value": "3"}}}} wired to a
 * {@code {"terminal": "count"}} of a {@code truncate}.
 */
public final class Input extends ProcessorModule {

  /** The module, as registered. */
  public Input() {
    super(ModuleMetadata.source("input", "A value supplied by the user when the pipe runs, cast to a type.")
            .withLoopable(false),
        ProcessorSpec.source(defaults()));
  }

  private static Map<String, @Nullable Object> defaults() {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("type", "text");
    defaults.put("default", "");
    defaults.put("prompt", "Enter text");
    defaults.put("test", false);
    defaults.put("input_key", "content");
    return defaults;
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Input::cast);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    Cast cast = cast(conf);
    Map<String, Object> inputs = call.context().inputs();
    Object fallback = conf.get("default");
    Object raw = inputs.isEmpty() ? fallback : inputs.getOrDefault(conf.text("input_key", "content"), fallback);
    return ProcessorResult.of(cast.apply(raw, call.context().clock()));
  }

  private static Cast cast(ResolvedConf conf) {
    Object type = conf.get("type");
    return Cast.named(type == null ? null : PyStr.str(type)).orElseThrow(() -> new ConfException(conf.module(), "type",
        "must name a cast (" + Cast.knownNames() + "), was " + PyStr.repr(type)));
  }
}
