package riko.modules.operator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.ConfResolver;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.conf.Terminals;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;
import riko.value.Cast;
import riko.value.DateParsing;
import riko.value.DecimalNaN;
import riko.value.PyEquality;
import riko.value.PyStr;
import riko.value.PythonRegex;
import riko.value.TimeTuple;
import riko.value.Truthiness;

/**
 * riko's {@code filter}: keeps (or drops) the items that match a set of rules.
 *
 * <p><b>Conf.</b> {@code rule} (required): a rule map or a list of them, each with {@code field}
 * (dotted path into the item), {@code op} and {@code value}; rules are read once per run, so an
 * item reference inside a rule reads the EMPTY item and the rule never matches (QUIRK).
 * {@code combine} ({@code and} default, or {@code or}): all rules or any rule must match.
 * {@code permit} (bool, default true): keep the matching items, or the others. {@code stop}
 * (bool, default false): end the whole output at the first item that is not kept.
 * {@code combine}, {@code permit} and {@code stop} may be item references, read per item.
 *
 * <p>Per rule, X is the item's value at {@code field} ({@code null} when missing) and Y the
 * rule's {@code value}:
 * <ul>
 *   <li>{@code contains} / {@code doesnotcontain}: {@code str(Y)} is (not) a case-insensitive
 *       substring of {@code str(X)}, which must be non-empty. QUIRK: a missing field reads as
 *       {@code "None"}.
 *   <li>{@code matches}: the regular expression {@code str(Y)} (Python syntax, see
 *       {@link PythonRegex}) is found in {@code str(X)}, case-sensitively.
 *   <li>{@code is} / {@code eq} and {@code isnot}: Python equality of the raw values
 *       ({@code 3 == 3.0}, {@code "3" != 3}).
 *   <li>{@code truthy} / {@code falsy}: Python truthiness of X; {@code value} is not needed.
 *   <li>{@code greater} / {@code less}: X &gt; Y / X &lt; Y, numerically only when BOTH are numbers
 *       (QUIRK: a number against the text {@code "10"} never matches, and two strings compare
 *       as text, so {@code "9" > "10"}).
 *   <li>{@code atleast} / {@code atmost}: X &gt;= Y / X &lt;= Y, both read as decimals (text is
 *       parsed; unparsable never matches).
 *   <li>{@code after} / {@code before}: X &gt; Y / X &lt; Y as calendar dates, both parsed with
 *       {@link DateParsing} (an unparsable value never matches).
 * </ul>
 * Without a {@code value} (other than for truthy/falsy), with a {@code null} operand, or when
 * the comparison is impossible (a decimal against text, a NaN), a rule does not match.
 *
 * <p><b>Emits</b> the kept items, lazily and in order: an item is kept when the combined result
 * equals {@code permit}.
 *
 * <p><b>Errors.</b> A missing {@code rule}, a rule that is not a map, an unknown {@code op}
 * (ops are case-sensitive) and a {@code matches} pattern that does not compile are
 * {@link ConfException}s, at assembly when the conf is static, otherwise when the stream is
 * first pulled. QUIRK: an invalid {@code combine} is not an error: riko logs it and drops every
 * item (this port logs it once per run).
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).filter(Map.of("rule", Map.of("field",
 * "title", "op", "contains", "value", "web")))}; in JSON:
 * {@code {"type": "filter", "conf": {"rule": [{"field": "title", "op": "contains", "value": "web"}],
 * "combine": "and", "permit": true}}}.
 */
public final class Filter extends OperatorModule {

  private static final Logger LOG = LoggerFactory.getLogger(Filter.class);
  private static final Set<String> DYNAMIC_KEYS = Set.of("combine", "permit", "stop");

  /** The rule operators, by their conf names. */
  enum Op {
    CONTAINS("contains"), DOESNOTCONTAIN("doesnotcontain"), MATCHES("matches"),
    IS("is"), EQ("eq"), ISNOT("isnot"), TRUTHY("truthy"), FALSY("falsy"),
    GREATER("greater"), LESS("less"), ATLEAST("atleast"), ATMOST("atmost"),
    AFTER("after"), BEFORE("before");

    private final String confName;

    Op(String confName) {
      this.confName = confName;
    }

    static Optional<Op> named(@Nullable String name) {
      return Arrays.stream(values()).filter(op -> op.confName.equals(name)).findFirst();
    }

    static String knownNames() {
      return Arrays.stream(values()).map(op -> op.confName).collect(Collectors.joining(", "));
    }

    boolean isText() {
      return this == CONTAINS || this == DOESNOTCONTAIN || this == MATCHES;
    }

    boolean isRaw() {
      return this == IS || this == EQ || this == ISNOT || this == TRUTHY || this == FALSY;
    }

    boolean isTruthiness() {
      return this == TRUTHY || this == FALSY;
    }
  }

  /**
   * One filter rule.
   *
   * @param field the dotted path of the item value X
   * @param op the operator's conf name ({@code contains}, {@code is}, {@code greater}, ...)
   * @param value the rule value Y, or {@code null}
   */
  public record Rule(String field, String op, @Nullable Object value) {}

  /**
   * @param rules the rules
   * @param combine {@code and} or {@code or} (anything else drops every item, see the class doc)
   * @param permit keep matching items ({@code true}) or the others
   * @param stop end the output at the first item not kept
   */
  public record Conf(List<Rule> rules, String combine, boolean permit, boolean stop) {
    /** Copies the rules. */
    public Conf {
      rules = List.copyOf(rules);
    }

    static Conf from(ResolvedConf conf) {
      List<Rule> rules = new ArrayList<>();
      for (Object entry : conf.requireList("rule")) {
        ResolvedConf rule = ResolvedConf.entry(conf.module(), "rule", entry);
        Object field = rule.get("field");
        Object op = rule.get("op");
        rules.add(new Rule(field == null ? "" : PyStr.str(field), PyStr.str(op), rule.get("value")));
      }
      // defaults are merged in, so a null here was written (or referenced) as null: riko's None
      return new Conf(rules, PyStr.str(conf.get("combine")), Truthiness.isTruthy(conf.get("permit")),
          Truthiness.isTruthy(conf.get("stop")));
    }
  }

  /** The module, as registered. */
  public Filter() {
    super(ModuleMetadata.composer("filter", "Keeps (or drops) the items matching a set of rules."),
        Map.<String, @Nullable Object>of("combine", "and", "permit", true, "stop", false), "filter");
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(resolved -> compile(Conf.from(resolved), resolved.module(), call.context().clock()));
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    Conf parsed = Conf.from(conf);
    Clock clock = call.context().clock();
    List<Compiled> rules = compile(parsed, conf.module(), clock);
    PerItem perItem = new PerItem(call, clock);
    boolean[] loggedCombine = {false};
    return OperatorResult.stream(items.handle((item, sink) -> {
      String combine = perItem.text("combine", item, parsed.combine());
      boolean permit = perItem.flag("permit", item, parsed.permit());
      boolean stop = perItem.flag("stop", item, parsed.stop());
      boolean result;
      if (combine.equals("and")) {
        result = rules.stream().allMatch(rule -> rule.matches(item, clock));
      } else if (combine.equals("or")) {
        result = rules.stream().anyMatch(rule -> rule.matches(item, clock));
      } else {
        if (!loggedCombine[0]) {
          loggedCombine[0] = true;
          LOG.error("module '{}': invalid combine {}; expected 'and' or 'or'. Dropping every item.",
              conf.module(), PyStr.repr(combine));
        }
        return;
      }
      if (result == permit) {
        sink.next(item);
      } else if (stop) {
        sink.complete();
      }
    }));
  }

  /** The operation itself, for Java callers: {@code flux.transform(Filter.of(conf))}. */
  public static Function<Flux<Item>, Flux<Item>> of(Conf conf) {
    return new Filter().create(ModuleCall.of("filter", RawConf.of(Map.of(
        "rule", conf.rules().stream().map(Filter::ruleMap).toList(),
        "combine", conf.combine(), "permit", conf.permit(), "stop", conf.stop()))));
  }

  private static Map<String, @Nullable Object> ruleMap(Rule rule) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    map.put("field", rule.field());
    map.put("op", rule.op());
    map.put("value", rule.value());
    return map;
  }

  private static List<Compiled> compile(Conf conf, String module, Clock clock) {
    List<Compiled> compiled = new ArrayList<>();
    for (Rule rule : conf.rules()) {
      Op op = Op.named(rule.op()).orElseThrow(() -> new ConfException(module, "rule.op",
          "must be one of " + Op.knownNames() + " (case-sensitive), was " + PyStr.repr(rule.op())));
      compiled.add(new Compiled(rule.field(), op, rule.value(), prepareValue(op, rule.value(), module, clock)));
    }
    return compiled;
  }

  /** Y prepared once per run, as riko memoises it. */
  private static @Nullable Object prepareValue(Op op, @Nullable Object value, String module, Clock clock) {
    if (value == null || op.isTruthiness()) {
      return value;
    }
    if (op == Op.MATCHES) {
      String regex = PyStr.str(value);
      try {
        return PythonRegex.compile(regex);
      } catch (PythonRegex.InvalidPatternException e) {
        throw new ConfException(module, "rule.value", "is not a valid regular expression for 'matches': "
            + PyStr.repr(regex) + " (" + e.description() + ")");
      }
    }
    return prepare(op, value, clock);
  }

  /**
   * An operand prepared for its operator: text for the text ops, a calendar date for the date
   * ops, a Python decimal for {@code atleast}/{@code atmost} and for numbers under
   * {@code greater}/{@code less}; {@code null} when that fails (the rule then does not match).
   */
  private static @Nullable Object prepare(Op op, @Nullable Object value, Clock clock) {
    if (op.isRaw()) {
      return value;
    }
    if (op.isText()) {
      return PyStr.str(value);
    }
    if (op == Op.AFTER || op == Op.BEFORE) {
      return calendarDate(value, clock);
    }
    if (op == Op.ATLEAST || op == Op.ATMOST || isPythonNumber(value)) {
      return pythonDecimal(value);
    }
    return value;
  }

  private static boolean isPythonNumber(@Nullable Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Double || value instanceof Boolean;
  }

  /**
   * Python's {@code Decimal(v)} as riko's filter builds it: floats through their {@code str()},
   * text parsed (with {@code nan} and {@code inf}); an infinity is kept as a float infinity,
   * which orders the same way.
   */
  private static @Nullable Object pythonDecimal(@Nullable Object value) {
    if (value instanceof BigDecimal || value == DecimalNaN.INSTANCE) {
      return value;
    }
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof Long || value instanceof Integer) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double d) {
      if (d.isNaN()) {
        return DecimalNaN.INSTANCE;
      }
      return d.isInfinite() ? d : new BigDecimal(PyStr.floatRepr(d));
    }
    if (value instanceof String s) {
      String word = s.strip().toLowerCase(Locale.ROOT);
      if (word.matches("[+-]?(inf|infinity)")) {
        return word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      return Cast.parseDecimal(s).orElse(null);
    }
    return null;
  }

  /** riko's {@code cast_date}: the calendar date of a date, date-time, time tuple, epoch seconds or date text. */
  private static @Nullable LocalDate calendarDate(@Nullable Object value, Clock clock) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof ZonedDateTime z) {
      return z.toLocalDate();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toLocalDate();
    }
    if (value instanceof TimeTuple t) {
      return t.utc().toLocalDate();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      long seconds = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
      return Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (value instanceof String s) {
      return DateParsing.parse(s, clock)
          .map(t -> t instanceof ZonedDateTime z ? z.toLocalDate() : LocalDate.from(t))
          .orElse(null);
    }
    return null;
  }

  /** A rule ready to run: its operator resolved and its value prepared. */
  private record Compiled(String field, Op op, @Nullable Object value, @Nullable Object preparedValue) {

    boolean matches(Item item, Clock clock) {
      Object x = item.get(field);
      if (op.isTruthiness()) {
        return op == Op.TRUTHY == Truthiness.isTruthy(x);
      }
      if (value == null) {
        return false;
      }
      Object px = prepare(op, x, clock);
      Object py = preparedValue;
      if (px == null || py == null) {
        return false;
      }
      switch (op) {
        case CONTAINS:
          return !((String) px).isEmpty() && lower(px).contains(lower(py));
        case DOESNOTCONTAIN:
          return !((String) px).isEmpty() && !lower(px).contains(lower(py));
        case MATCHES:
          return ((PythonRegex) py).search((String) px).isPresent();
        case IS:
        case EQ:
          return PyEquality.equal(px, py);
        case ISNOT:
          return !PyEquality.equal(px, py);
        case GREATER:
        case AFTER:
          return ordered(px, py, c -> c > 0);
        case LESS:
        case BEFORE:
          return ordered(px, py, c -> c < 0);
        case ATLEAST:
          return ordered(px, py, c -> c >= 0);
        case ATMOST:
          return ordered(px, py, c -> c <= 0);
        default:
          return false;
      }
    }

    private static String lower(Object text) {
      return ((String) text).toLowerCase(Locale.ROOT);
    }

    private static boolean ordered(Object x, Object y, IntPredicate test) {
      try {
        return PyOrdering.compare(x, y).map(test::test).orElse(false);
      } catch (PyOrdering.Incomparable e) {
        return false;
      }
    }
  }

  /** {@code combine}, {@code permit} and {@code stop} written as item references, resolved per item. */
  private static final class PerItem {
    private final Map<String, Object> references = new HashMap<>();
    private final ConfResolver resolver;

    PerItem(ModuleCall call, Clock clock) {
      this.resolver = new ConfResolver(clock);
      for (String key : DYNAMIC_KEYS) {
        Object raw = call.conf().get(key);
        if (raw != null && RawConf.of(key, raw).isDynamic(Set.of())) {
          references.put(key, raw);
        }
      }
    }

    private @Nullable Object resolve(String key, Item item) {
      return resolver.resolveValue(references.get(key), item, Terminals.none());
    }

    String text(String key, Item item, String fallback) {
      if (!references.containsKey(key)) {
        return fallback;
      }
      Object v = resolve(key, item);
      return v == null ? "None" : PyStr.str(v);
    }

    boolean flag(String key, Item item, boolean fallback) {
      return references.containsKey(key) ? Truthiness.isTruthy(resolve(key, item)) : fallback;
    }
  }
}
