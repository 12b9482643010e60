package riko.modules.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.PyStr;

/**
 * riko's {@code subelement}: extracts values nested in each item as items of their own.
 *
 * <p><b>Conf.</b>
 * <ul>
 *   <li>{@code path} (required): a dotted path ({@code stanzas.verses}) or a list of segments,
 *       which are joined with {@code .}; read with riko's path rules, including plucking a key
 *       across a list of maps;
 *   <li>{@code token_key} (text, default {@code content}): the key each extracted value is put
 *       under; empty or {@code null} emits the values raw.
 * </ul>
 * Both may be dynamic (item or terminal references).
 *
 * <p><b>Emits</b> the extracted values in place of the input item (riko fixes {@code emit} to
 * true; {@code emit: false} assigns them under {@code assign}, default {@code subelement}). The
 * value V at {@code path} is flattened: a map (or time tuple) is one element, a list gives its
 * elements, flattened recursively, {@code null} gives nothing, any other value is itself. So an
 * item without the path disappears from the stream. Each element e is emitted as
 * {@code {token_key: e}}, or as e itself when {@code token_key} is empty.
 *
 * <p><b>Errors.</b> A missing or {@code null} {@code path} is a {@link ConfException} at
 * assembly. The module reads the whole item; when a {@code field} option points at a value that
 * is not a map, that item fails with a {@link ModuleException}.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> verses = sonnets.transform(new SubElement().create(
 *     ModuleCall.of("subelement", RawConf.of("path", "stanzas.verses", "token_key", "verse"))));
 * }</pre>
 * In a pipeline: {@code {"type": "subelement", "conf": {"path": {"type": "text", "value":
 * "tags"}}}}.
 */
public final class SubElement extends ProcessorModule {

  /** The module, as registered. */
  public SubElement() {
    super(ModuleMetadata.transformer("subelement", "Extracts nested values of each item as separate items."),
        ProcessorSpec.transformer(Map.of("token_key", "content"), null, FieldCast.PASS, "subelement").emitting());
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (conf.get("path") == null) {
      throw new ConfException(call.label(), "path",
          "is required: a dotted path such as \"stanzas.verses\", or a list of path segments");
    }
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    if (!(value instanceof Item source) || source.isRaw()) {
      throw new ModuleException(conf.module(), "can only extract from a map, but the field '"
          + call.options().field() + "' holds " + PyStr.repr(value));
    }
    List<Object> elements = new ArrayList<>();
    flatten(source.get(path(conf)), elements);
    Object tokenKey = conf.get("token_key");
    if (tokenKey == null || PyStr.str(tokenKey).isEmpty()) {
      return ProcessorResult.stream(Flux.fromIterable(elements));
    }
    String key = PyStr.str(tokenKey);
    return ProcessorResult.stream(Flux.fromIterable(elements).map(e -> Map.of(key, e)));
  }

  private static String path(ResolvedConf conf) {
    Object path = conf.get("path");
    if (path == null) {
      throw new ConfException(conf.module(), "path", "is required, but resolved to None");
    }
    if (path instanceof Collection<?> segments) {
      return segments.stream().map(PyStr::str).collect(Collectors.joining("."));
    }
    return PyStr.str(path);
  }

  private static void flatten(@Nullable Object value, List<Object> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> list) {
      for (Object element : list) {
        flatten(element, out);
      }
      return;
    }
    out.add(value);
  }
}
