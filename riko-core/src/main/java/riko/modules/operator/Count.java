package riko.modules.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;
import riko.value.Truthiness;

/**
 * riko's {@code count}: the number of items, overall or per group.
 *
 * <p><b>Conf.</b> {@code count_key} (dotted path, default none): when set, count per distinct
 * value of this field.
 *
 * <p><b>Emits</b>, without {@code count_key}, the integer N, folded like any single operator
 * result: one item {@code {"count": N}} by default ({@code {"count": 0}} for an empty input),
 * {@code {<assign>: N}} with {@code assign}, or the raw N with {@code emit: true} (the form a
 * terminal wire wants). With {@code count_key}, one item {@code {<group>: <count>}} per group, in
 * order of first appearance, where the group is Python's {@code str()} of the field value
 * ({@code 1} is {@code "1"}, {@code 1.0} is {@code "1.0"}, {@code true} is {@code "True"}; a
 * missing value, a map or a list is {@code ""}). QUIRK: a group containing {@code .} is nested
 * by item construction, so {@code "1.0"} yields {@code {"1": {"0": n}}}. DIVERGENCE ALLOWED: the
 * group of items lacking the field is yielded as {@code {"": n}} (riko fails reading it back).
 * With {@code emit: false} each group item is wrapped as {@code {<assign>: {<group>: n}}}.
 * Materialises the whole input.
 *
 * <p><b>Errors.</b> None of its own; upstream errors pass through.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).count(Map.of("count_key", "city"))}; in
 * JSON: {@code {"type": "count", "conf": {"count_key": "city"}}}; wired to a terminal:
 * {@code {"type": "count", "conf": {}, "emit": true}}.
 */
public final class Count extends OperatorModule {

  /** @param countKey the dotted path to group by, or {@code null} to count every item together */
  public record Conf(@Nullable String countKey) {
    static Conf from(ResolvedConf conf) {
      Object key = conf.get("count_key");
      return new Conf(Truthiness.isTruthy(key) ? conf.text("count_key", "") : null);
    }
  }

  /** The module, as registered. */
  public Count() {
    super(ModuleMetadata.aggregator("count", "Counts the items, overall or per group of a field's value."),
        nullDefault(), "count");
  }

  private static Map<String, @Nullable Object> nullDefault() {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("count_key", null);
    return defaults;
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    String countKey = Conf.from(conf).countKey();
    if (countKey == null) {
      return OperatorResult.single(items.count());
    }
    FieldKey field = FieldKey.of(countKey);
    return OperatorResult.stream(items
        .collect(LinkedHashMap<String, Long>::new, (groups, item) -> groups.merge(field.text(item), 1L, Long::sum))
        .flatMapIterable(Map::entrySet)
        .map(group -> Map.of(group.getKey(), group.getValue())));
  }
}
