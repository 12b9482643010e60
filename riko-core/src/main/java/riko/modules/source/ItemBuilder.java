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
import riko.value.PyStr;

/**
 * riko's {@code itembuilder}: builds an item from key/value pairs.
 *
 * <p><b>Conf.</b> {@code attrs} (required): one {@code {"key": ..., "value": ...}} map or a list
 * of them. Keys and values may use any value form: typed values, item references
 * ({@code {"subkey": "name"}}, resolved against each input item) or terminal references (for
 * example the value of an {@code input} module). There are no defaults.
 *
 * <p><b>Emits</b> one item per input item (a single item when the module starts a pipe),
 * REPLACING the input item. The pairs are collected in list order (a later duplicate key wins,
 * keeping the first one's position), then turned into an item: dotted keys become nested maps
 * ({@code "desc.content"} gives {@code {"desc": {"content": ...}}}) and win over a plain key of
 * the same name, typed-value maps collapse, and QUIRK every key at every depth is lower-cased
 * ({@code "ATTR1"} gives {@code attr1}). A value that resolves to {@code null} (a missing
 * subkey) is kept as {@code null}. Like every source it emits by default; with
 * {@code emit: false} the built item is assigned under {@code assign} (default
 * {@code content}).
 *
 * <p><b>Errors.</b> A missing or {@code null} {@code attrs}, an attribute that is not a map, or
 * an attribute without a {@code key} is a {@link ConfException}: at assembly when the conf is
 * static, otherwise when the item is processed.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * RawConf conf = RawConf.of("attrs", List.of(
 *     Map.of("key", "title", "value", "the title"),
 *     Map.of("key", "desc.content", "value", "the desc")));
 * Flux<Item> out = Flux.just(Item.empty()).transform(new ItemBuilder().create(ModuleCall.of("itembuilder", conf)));
 * // {"title": "the title", "desc": {"content": "the desc"}}
 * }</pre>
 * In a pipeline: {@code {"type": "itembuilder", "conf": {"attrs": [{"key": "who", "value":
 * {"subkey": "name"}}]}}}.
 */
public final class ItemBuilder extends ProcessorModule {

  /** The module, as registered. */
  public ItemBuilder() {
    super(ModuleMetadata.source("itembuilder", "Builds an item from key/value pairs."),
        ProcessorSpec.source(Map.of()));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (conf.get("attrs") == null) {
      throw new ConfException(call.label(), "attrs",
          "is required: one {\"key\": ..., \"value\": ...} map or a list of them");
    }
    staticConf(conf, call).ifPresent(ItemBuilder::build);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(build(conf));
  }

  private static Item build(ResolvedConf conf) {
    Map<String, @Nullable Object> pairs = new LinkedHashMap<>();
    for (Object raw : conf.requireList("attrs")) {
      ResolvedConf attr = ResolvedConf.entry(conf.module(), "attrs", raw);
      Object key = attr.get("key");
      if (key == null) {
        throw new ConfException(conf.module(), "attrs", "needs a 'key' in every attribute, got " + PyStr.repr(raw));
      }
      pairs.put(PyStr.str(key), attr.get("value"));
    }
    return Item.of(pairs).lowerCased();
  }
}
