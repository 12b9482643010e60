package riko.modules.processor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import riko.value.Truthiness;

/**
 * riko's {@code strtransform}: Python string methods applied to a text field, rule after rule.
 *
 * <p><b>Conf.</b> {@code rule} (required): one rule map or a list of them, each applied to the
 * previous one's result. Rule keys:
 *
 * <ul>
 *   <li>{@code transform} (text): the Python {@code str} method, with Python 3.12 semantics on
 *       full Unicode: {@code capitalize} (first character title-cased, the REST lower-cased),
 *       {@code lower}, {@code upper} ({@code ß} becomes {@code SS}), {@code swapcase},
 *       {@code title} (QUIRK: every letter after a non-letter starts a word:
 *       {@code they're 3rd-party} becomes {@code They'Re 3Rd-Party}), {@code strip},
 *       {@code lstrip}, {@code rstrip} (whitespace, or the characters of the argument),
 *       {@code replace} (arguments {@code old,new}), {@code count} and {@code find} (argument
 *       the substring; they give an integer, -1 when {@code find} finds nothing), {@code zfill}.
 *       Case-sensitive. Any other value, or none, logs a warning and leaves the value unchanged.
 *   <li>{@code args} (text, optional): the arguments, split on {@code ,}; QUIRK: they are always
 *       strings, so {@code zfill} (which needs an integer) always fails, and so do the integer
 *       start/end arguments of {@code count}/{@code find} and the count of {@code replace}.
 * </ul>
 *
 * <p>The field ({@code field} option, default {@code content}) is read as text: a missing field
 * is {@code ""}, other values their Python {@code str()}.
 *
 * <p><b>Emits</b> each item with the result (text, or an integer after {@code count}/{@code find})
 * assigned under {@code assign} (default {@code strtransform}).
 *
 * <p><b>Errors.</b> {@link ConfException}, at assembly when the conf is static (else when the
 * item is processed): no {@code rule}, a rule that is not a map, {@code args} that are not text.
 * {@link ModuleException} at runtime, as Python raises: wrong argument counts or types (e.g.
 * {@code zfill}, {@code upper} with arguments, {@code replace} with one argument), and any
 * string transform after {@code count}/{@code find} has made the value an integer.
 *
 * <p><b>Example.</b> {@code new StrTransform.Conf(List.of(new Rule("lower", List.of()),
 * new Rule("count", List.of("g")))).apply("Greetings")} is {@code 2}; in a pipeline:
 * {@code {"type": "strtransform", "conf": {"rule": {"transform": "title"}}}}.
 */
public final class StrTransform extends ProcessorModule {

  private static final Logger LOG = LoggerFactory.getLogger(StrTransform.class);

  /** The supported transforms, named after the Python methods. */
  public enum Transform {
    /** {@code str.capitalize()}. */
    CAPITALIZE,
    /** {@code str.lower()}. */
    LOWER,
    /** {@code str.upper()}. */
    UPPER,
    /** {@code str.swapcase()}. */
    SWAPCASE,
    /** {@code str.title()}. */
    TITLE,
    /** {@code str.strip([chars])}. */
    STRIP,
    /** {@code str.lstrip([chars])}. */
    LSTRIP,
    /** {@code str.rstrip([chars])}. */
    RSTRIP,
    /** {@code str.zfill(width)}: always fails with string arguments. */
    ZFILL,
    /** {@code str.replace(old, new)}. */
    REPLACE,
    /** {@code str.count(sub)}. */
    COUNT,
    /** {@code str.find(sub)}. */
    FIND;

    /** The name used in confs (the Python method name). */
    public String confName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The transform named exactly {@code name}, if it is one of riko's. */
    public static Optional<Transform> named(@Nullable String name) {
      return Arrays.stream(values()).filter(t -> t.confName().equals(name)).findFirst();
    }

    /**
     * Calls the method on {@code word} as Python would.
     *
     * @throws IllegalArgumentException where Python raises (argument count or type, or a word
     *     that is no longer a string)
     */
    Object apply(Object word, List<String> args) {
      if (!(word instanceof String s)) {
        throw new IllegalArgumentException("'int' object has no attribute '" + confName() + "'");
      }
      int n = args.size();
      return switch (this) {
        case CAPITALIZE, LOWER, UPPER, SWAPCASE, TITLE -> {
          if (n > 0) {
            throw new IllegalArgumentException("str." + confName() + "() takes no arguments (" + n + " given)");
          }
          yield switch (this) {
            case CAPITALIZE -> PythonStringMethods.capitalize(s);
            case LOWER -> PythonStringMethods.lower(s);
            case UPPER -> PythonStringMethods.upper(s);
            case SWAPCASE -> PythonStringMethods.swapcase(s);
            default -> PythonStringMethods.title(s);
          };
        }
        case STRIP, LSTRIP, RSTRIP -> {
          if (n > 1) {
            throw new IllegalArgumentException(confName() + " expected at most 1 argument, got " + n);
          }
          String chars = n == 0 ? null : args.get(0);
          yield this == STRIP ? PythonStringMethods.strip(s, chars)
              : this == LSTRIP ? PythonStringMethods.lstrip(s, chars) : PythonStringMethods.rstrip(s, chars);
        }
        case ZFILL -> throw new IllegalArgumentException(n == 1
            ? "'str' object cannot be interpreted as an integer"
            : "str.zfill() takes exactly one argument (" + n + " given)");
        case REPLACE -> {
          if (n < 2 || n > 3) {
            throw new IllegalArgumentException("replace expected " + (n < 2 ? "at least 2" : "at most 3") + " arguments, got " + n);
          }
          if (n == 3) {
            throw new IllegalArgumentException("'str' object cannot be interpreted as an integer");
          }
          yield PythonStringMethods.replace(s, args.get(0), args.get(1), -1);
        }
        case COUNT, FIND -> {
          if (n < 1 || n > 3) {
            throw new IllegalArgumentException(confName() + " expected " + (n < 1 ? "at least 1" : "at most 3") + " arguments, got " + n);
          }
          if (n > 1) {
            throw new IllegalArgumentException("slice indices must be integers or None or have an __index__ method");
          }
          yield this == COUNT ? PythonStringMethods.count(s, args.get(0)) : PythonStringMethods.find(s, args.get(0));
        }
      };
    }
  }

  /**
   * One transform.
   *
   * @param transform the method name as written ({@code null} when missing); names riko does not
   *     know leave the value unchanged
   * @param args the arguments, already split on {@code ,}
   */
  public record Rule(@Nullable String transform, List<String> args) {

    /** Copies the arguments. */
    public Rule {
      args = List.copyOf(args);
    }

    /**
     * Applies the rule to a string, or to the integer a previous {@code count}/{@code find} gave.
     *
     * @throws IllegalArgumentException where Python raises
     */
    public Object apply(Object word) {
      Optional<Transform> known = Transform.named(transform);
      if (known.isEmpty()) {
        LOG.warn("strtransform: invalid transformation: {}", transform);
        return word;
      }
      return known.get().apply(word, args);
    }
  }

  /**
   * The module's conf.
   *
   * @param rules the rules, applied in order
   */
  public record Conf(List<Rule> rules) {

    /** Copies the rules. */
    public Conf {
      rules = List.copyOf(rules);
    }

    /**
     * Applies every rule in turn.
     *
     * @return a string, or an integer after {@code count}/{@code find}
     * @throws IllegalArgumentException where Python raises
     */
    public Object apply(String text) {
      Object result = text;
      for (Rule rule : rules) {
        result = rule.apply(result);
      }
      return result;
    }

    static Conf from(ResolvedConf conf) {
      List<Rule> rules = new ArrayList<>();
      for (Object raw : conf.requireList("rule")) {
        ResolvedConf rule = ResolvedConf.entry(conf.module(), "rule", raw);
        Object transform = rule.get("transform");
        rules.add(new Rule(transform == null ? null : PyStr.str(transform), args(rule)));
      }
      return new Conf(rules);
    }

    /** riko's {@code args.split(',') if args else []}. */
    private static List<String> args(ResolvedConf rule) {
      Object args = rule.get("args");
      if (!Truthiness.isTruthy(args)) {
        return List.of();
      }
      if (!(args instanceof String text)) {
        throw new ConfException(rule.module(), "rule.args", "must be text (arguments separated by ','), was " + PyStr.repr(args));
      }
      return Arrays.asList(text.split(",", -1));
    }
  }

  /** The module, as registered. */
  public StrTransform() {
    super(ModuleMetadata.transformer("strtransform", "Python string methods (title, upper, strip, ...) on a text field."),
        ProcessorSpec.transformer(Map.of(), "content", FieldCast.TEXT, "strtransform"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (!conf.has("rule")) {
      throw new ConfException(call.label(), "rule", "is required (a map or list of maps with transform and optional args)");
    }
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    Conf parsed = conf.parsed(Conf.class, Conf::from);
    try {
      return ProcessorResult.of(parsed.apply(value == null ? "" : PyStr.str(value)));
    } catch (IllegalArgumentException e) {
      throw new ModuleException(conf.module(), e.getMessage(), e);
    }
  }
}
