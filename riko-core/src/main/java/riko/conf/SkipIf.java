package riko.conf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import riko.item.Item;
import riko.value.PyStr;
import riko.value.Truthiness;

/**
 * The {@code skip_if} call option ({@code conf.md} 3.1): items it matches pass through a
 * processor untouched. Rules are Java predicates or riko rule maps with {@code field},
 * {@code text}, {@code op} ({@code contains}, {@code intersection}, {@code search}) and
 * {@code include}; the first rule that says "skip" decides.
 */
public final class SkipIf {

  private final List<Predicate<Item>> rules;

  private SkipIf(List<Predicate<Item>> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Skips the items the predicate accepts. */
  public static SkipIf when(Predicate<Item> predicate) {
    return new SkipIf(List.of(predicate));
  }

  /**
   * Rules as riko writes them: one rule map or a list of rule maps.
   *
   * @throws ConfException when a rule is not a map, lacks {@code field}, or names an unknown op
   */
  public static SkipIf rules(String module, Object ruleOrRules) {
    List<Predicate<Item>> rules = new ArrayList<>();
    Collection<?> list = ruleOrRules instanceof Collection<?> c ? c : List.of(ruleOrRules);
    for (Object rule : list) {
      rules.add(ruleOf(module, rule));
    }
    return new SkipIf(rules);
  }

  private static Predicate<Item> ruleOf(String module, @Nullable Object rule) {
    if (!(rule instanceof Map<?, ?>) && !(rule instanceof Item)) {
      throw new ConfException(module, "skip_if", "must hold rule maps, was " + PyStr.repr(rule));
    }
    ResolvedConf conf = ResolvedConf.entry(module, "skip_if", rule);
    String field = conf.requireText("field");
    String text = PyStr.str(conf.get("text")).toLowerCase(Locale.ROOT);
    String op = conf.text("op", "contains").toLowerCase(Locale.ROOT);
    boolean include = Truthiness.isTruthy(conf.get("include"));
    Predicate<String> found = switch (op) {
      case "contains" -> value -> value.toLowerCase(Locale.ROOT).contains(text);
      case "intersection" -> value -> value.chars().anyMatch(c -> text.indexOf(Character.toLowerCase(c)) >= 0
          || text.indexOf(c) >= 0);
      case "search" -> {
        Pattern pattern = Pattern.compile(PyStr.str(conf.get("text")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        yield value -> pattern.matcher(value).find();
      }
      default -> throw new ConfException(module, "skip_if.op",
          "must be one of contains, intersection, search; was '" + op + "'");
    };
    return item -> {
      Object value = item.get(field);
      boolean hit = found.test(value == null ? "" : PyStr.str(value));
      return include != hit;
    };
  }

  /** Whether the item is to be passed through untouched. */
  public boolean skips(Item item) {
    for (Predicate<Item> rule : rules) {
      if (rule.test(item)) {
        return true;
      }
    }
    return false;
  }
}
