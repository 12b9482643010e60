package riko.modules.processor;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.PyStr;
import riko.value.Truthiness;

/**
 * riko's {@code strconcat}: joins parts, literal or read from the item, into one string.
 *
 * <p><b>Conf.</b> {@code part} (required): one value or a list of them. Each part may be a plain
 * value, a typed value ({@code {"type": "text", "value": " from "}}), an item reference
 * ({@code {"subkey": "img.src"}}, resolved against each input item) or a terminal reference.
 * There are no defaults.
 *
 * <p><b>Emits.</b> The parts are resolved; QUIRK every FALSY part is dropped ({@code null}, a
 * missing subkey, {@code ""}, {@code 0}, {@code false}, empty lists and maps); the others are
 * converted with Python's {@code str()} (maps and lists in Python repr, {@code True} for true)
 * and joined without a separator. The string is a single value, so by default it is assigned
 * under {@code assign} (default {@code strconcat}) and the item is emitted with it; with
 * {@code emit: true} the bare string replaces the item. The module reads the whole item (no
 * default {@code field}).
 *
 * <p><b>Errors.</b> A missing or {@code null} {@code part} is a {@link ConfException} at
 * assembly. Nothing fails at runtime.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * RawConf conf = RawConf.of("part", List.of(Map.of("subkey", "name"), " from ", Map.of("subkey", "address.city")));
 * Flux<Item> out = people.transform(new StrConcat().create(ModuleCall.of("strconcat", conf)));
 * // {"name": "Alice", "address": {"city": "Boston"}} -> {..., "strconcat": "Alice from Boston"}
 * }</pre>
 * In a pipeline: {@code {"type": "strconcat", "conf": {"part": [{"subkey": "name", "type":
 * "text"}, {"type": "text", "value": " from "}, {"subkey": "address.city", "type": "text"}]}}}.
 */
public final class StrConcat extends ProcessorModule {

  /** The module, as registered. */
  public StrConcat() {
    super(ModuleMetadata.transformer("strconcat", "Concatenates literal and item-supplied parts into a string."),
        ProcessorSpec.transformer(Map.of(), null, FieldCast.PASS, "strconcat"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (conf.get("part") == null) {
      throw new ConfException(call.label(), "part",
          "is required: a part, or a list of parts (text, typed values, {\"subkey\": path} or terminal references)");
    }
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    StringBuilder joined = new StringBuilder();
    for (Object part : conf.requireList("part")) {
      if (Truthiness.isTruthy(part)) {
        joined.append(PyStr.str(part));
      }
    }
    return ProcessorResult.of(joined.toString());
  }
}
