package riko.modules.operator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;
import riko.value.Cast;
import riko.value.DecimalNaN;
import riko.value.PyStr;
import riko.value.PythonDecimal;
import riko.value.Truthiness;

/**
 * riko's {@code sum}: adds up a field, overall or per group, in decimal arithmetic.
 *
 * <p><b>Conf.</b> {@code sum_key} (text, default {@code content}): the field to add, looked up
 * as a top-level key (case-insensitive, no dotted path); {@code group_key} (dotted path, default
 * none): when set, sum per distinct value of this field.
 *
 * <p><b>Emits</b>, without {@code group_key}, one decimal folded like any single operator
 * result: {@code {"sum": total}} by default ({@code {"sum": 0}} for an empty input),
 * {@code {<assign>: total}} with {@code assign}, or the raw total with {@code emit: true}. With
 * {@code group_key}, one item {@code {<group>: total}} per group in order of first appearance,
 * the group being Python's {@code str()} of the field value (same {@code .}-nesting QUIRK as
 * {@code count}). Each value becomes an exact decimal (QUIRK: a float such as {@code 0.1} by its
 * full binary expansion; text is parsed, {@code "1e3"} is 1000; booleans are 1 and 0) and values
 * are added in order with 28 significant digits, rounding half-even, like Python's
 * {@code decimal}. A total equal to zero is written {@code 0}; a NaN value makes the total NaN.
 * Materialises the whole input.
 *
 * <p><b>Errors</b> (at runtime, QUIRK): an item without {@code sum_key}, or whose value is
 * {@code null}, non-numeric text, an infinity or not a number at all, is a
 * {@link ModuleException} naming the item; the stream ends there.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).sum(Map.of("sum_key", "amount",
 * "group_key", "customer"))}; in JSON:
 * {@code {"type": "sum", "conf": {"sum_key": "amount", "group_key": "customer"}}}.
 */
public final class Sum extends OperatorModule {


  /**
   * @param sumKey the top-level key whose values are added
   * @param groupKey the dotted path to group by, or {@code null} for one overall total
   */
  public record Conf(String sumKey, @Nullable String groupKey) {
    static Conf from(ResolvedConf conf) {
      Object group = conf.get("group_key");
      return new Conf(conf.text("sum_key", "None"), Truthiness.isTruthy(group) ? conf.text("group_key", "") : null);
    }
  }

  /** The module, as registered. */
  public Sum() {
    super(ModuleMetadata.aggregator("sum", "Adds up a field of the items, overall or per group of another field."),
        defaults(), "sum");
  }

  private static Map<String, @Nullable Object> defaults() {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("sum_key", "content");
    defaults.put("group_key", null);
    return defaults;
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    Conf parsed = Conf.from(conf);
    Total.Adder adder = new Total.Adder(parsed.sumKey(), conf.module());
    if (parsed.groupKey() == null) {
      return OperatorResult.single(items.reduce(Total.ZERO, adder::add).map(Total::value));
    }
    FieldKey group = FieldKey.of(parsed.groupKey());
    return OperatorResult.stream(items
        .reduceWith(LinkedHashMap<String, Total>::new, (groups, item) -> {
          String key = group.text(item);
          groups.put(key, adder.add(groups.getOrDefault(key, Total.ZERO), item));
          return groups;
        })
        .flatMapIterable(Map::entrySet)
        .map(entry -> Map.of(entry.getKey(), entry.getValue().value())));
  }

  /** A running decimal total; NaN once a NaN was added. */
  private record Total(@Nullable BigDecimal amount) {

    static final Total ZERO = new Total(BigDecimal.ZERO);

    /** The total as riko yields it: {@code sum(...) or Decimal(0)} turns any zero into plain 0. */
    Object value() {
      if (amount == null) {
        return DecimalNaN.INSTANCE;
      }
      return amount.signum() == 0 ? BigDecimal.ZERO : amount;
    }

    /** Adds an item's {@code sum_key} value to a total. */
    record Adder(String sumKey, String module) {

      Total add(Total total, Item item) {
        if (!item.containsKey(sumKey)) {
          throw new ModuleException(module, "item " + PyStr.repr(item) + " has no sum_key " + PyStr.repr(sumKey));
        }
        Object decimal = decimal(item.getKey(sumKey), item);
        if (total.amount() == null || decimal == DecimalNaN.INSTANCE) {
          return new Total(null);
        }
        return new Total(PythonDecimal.add(total.amount(), (BigDecimal) decimal));
      }

      private Object decimal(@Nullable Object value, Item item) {
        Object decimal = value instanceof String || value instanceof Number || value instanceof Boolean
            || value == DecimalNaN.INSTANCE ? Cast.toDecimal(value) : null;
        boolean readable = decimal instanceof BigDecimal
            || decimal == DecimalNaN.INSTANCE && (value == DecimalNaN.INSTANCE || isNaNText(value));
        if (!readable) {
          throw new ModuleException(module, "cannot add " + PyStr.repr(value) + " (sum_key "
              + PyStr.repr(sumKey) + " of item " + PyStr.repr(item) + "): not a number");
        }
        return decimal;
      }

      private static boolean isNaNText(@Nullable Object value) {
        return value instanceof Double d && d.isNaN()
            || value instanceof String s && s.strip().replaceFirst("^[+-]", "").equalsIgnoreCase("nan");
      }
    }
  }
}
