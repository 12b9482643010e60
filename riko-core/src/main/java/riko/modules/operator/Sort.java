package riko.modules.operator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;

/**
 * riko's {@code sort}: orders the whole stream by one or more item fields.
 *
 * <p><b>Conf.</b> {@code rule}: one rule map or a list of them (default
 * {@code {"field": "content", "dir": "asc"}}). Each rule has {@code field} (dotted path, default
 * {@code content}; an empty path selects the whole item, which leaves the order unchanged),
 * {@code dir} ({@code asc} or {@code desc}, any letter case; anything else is ascending) and an
 * optional {@code type} (a cast: {@code text}, {@code int}, {@code float}, {@code decimal},
 * {@code date}, {@code datetime}, {@code url}, {@code bool}). Rules are read once per run; item
 * references inside them read the empty item.
 *
 * <p><b>Emits</b> the input items, reordered. The FIRST rule is the primary key: stable sorts
 * are applied from the last rule to the first, and {@code desc} keeps the input order of equal
 * items. The sort key of an item is the value at {@code field}: without {@code type}, strings,
 * integers, booleans, time tuples, floats, decimals and dates are used as they are, while a
 * missing or {@code null} value, a map, a list or a NaN becomes {@code ""}; with {@code type}
 * the value is cast, and a missing value or NaN becomes the cast's default ({@code int} 0,
 * {@code text} {@code ""}, QUIRK: {@code float} NaN). Materialises the whole input first.
 *
 * <p><b>Errors.</b> A {@code rule} entry that is not a map is a {@link ConfException}, at
 * assembly when the conf is static. Comparing keys Python cannot order (QUIRK: a missing field's
 * {@code ""} against numbers, text against numbers, a decimal NaN) is a {@link ModuleException}
 * naming both values; set {@code type} to avoid it.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).sort(Map.of("rule", List.of(Map.of("field",
 * "city"), Map.of("field", "age", "dir", "desc"))))}; in JSON:
 * {@code {"type": "sort", "conf": {"rule": [{"field": "city"}, {"field": "age", "dir": "desc"}]}}}.
 */
public final class Sort extends OperatorModule {

  /**
   * One sort rule.
   *
   * @param field the dotted path to sort by
   * @param descending whether larger keys come first
   * @param type the cast applied to each key, or {@code null} for none
   */
  public record Rule(String field, boolean descending, @Nullable String type) {}

  /** @param rules the rules, the primary key first */
  public record Conf(List<Rule> rules) {
    /** Copies the list. */
    public Conf {
      rules = List.copyOf(rules);
    }

    static Conf from(ResolvedConf conf) {
      List<Rule> rules = new ArrayList<>();
      for (Object entry : conf.requireList("rule")) {
        ResolvedConf rule = ResolvedConf.entry(conf.module(), "rule", entry);
        String field = rule.has("field") ? rule.text("field", "") : "content";
        boolean descending = rule.text("dir", "asc").toLowerCase(Locale.ROOT).equals("desc");
        String type = rule.optionalText("type").orElse(null);
        rules.add(new Rule(field, descending, type));
      }
      return new Conf(rules);
    }
  }

  /** The module, as registered. */
  public Sort() {
    super(ModuleMetadata.composer("sort", "Sorts the stream by one or more item fields."),
        Map.<String, @Nullable Object>of("rule", Map.of("field", "content", "dir", "asc")), "sort");
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    Conf parsed = Conf.from(conf);
    Clock clock = call.context().clock();
    return OperatorResult.stream(items.collectList().flatMapIterable(list -> sorted(list, parsed, clock, call.label())));
  }

  /** The operation itself, for Java callers: {@code flux.transform(Sort.of(conf))}. */
  public static Function<Flux<Item>, Flux<Item>> of(Conf conf) {
    return items -> items.collectList().flatMapIterable(list -> sorted(list, conf, Clock.systemUTC(), "sort"));
  }

  private static List<Item> sorted(List<Item> items, Conf conf, Clock clock, String label) {
    List<Item> current = items;
    for (int r = conf.rules().size() - 1; r >= 0; r--) {
      Rule rule = conf.rules().get(r);
      FieldKey field = FieldKey.of(rule.field(), rule.type(), clock);
      List<Keyed> keyed = new ArrayList<>(current.size());
      for (Item item : current) {
        keyed.add(new Keyed(field.of(item), item));
      }
      List<Keyed> ordered;
      try {
        ordered = mergeSort(keyed, rule.descending());
      } catch (PyOrdering.Incomparable e) {
        throw new ModuleException(label, e.getMessage() + " (sort rule on field '" + rule.field()
            + "'; give the rule a \"type\" to compare values of mixed kinds)");
      }
      List<Item> next = new ArrayList<>(ordered.size());
      for (Keyed k : ordered) {
        next.add(k.item());
      }
      current = next;
    }
    return current;
  }

  private record Keyed(@Nullable Object key, Item item) {}

  /**
   * A stable merge sort asking only Python's {@code <}, as CPython's sort does, so that unordered
   * keys (NaN) cannot break it. Descending order compares the other way round, which keeps equal
   * keys in input order like Python's {@code reverse=True}.
   */
  private static List<Keyed> mergeSort(List<Keyed> keyed, boolean descending) {
    if (keyed.size() < 2) {
      return keyed;
    }
    int middle = keyed.size() / 2;
    List<Keyed> left = mergeSort(keyed.subList(0, middle), descending);
    List<Keyed> right = mergeSort(keyed.subList(middle, keyed.size()), descending);
    List<Keyed> merged = new ArrayList<>(keyed.size());
    int i = 0;
    int j = 0;
    while (i < left.size() && j < right.size()) {
      Keyed l = left.get(i);
      Keyed r = right.get(j);
      boolean rightFirst = descending ? PyOrdering.lessThan(l.key(), r.key()) : PyOrdering.lessThan(r.key(), l.key());
      if (rightFirst) {
        merged.add(r);
        j++;
      } else {
        merged.add(l);
        i++;
      }
    }
    merged.addAll(left.subList(i, left.size()));
    merged.addAll(right.subList(j, right.size()));
    return merged;
  }
}
