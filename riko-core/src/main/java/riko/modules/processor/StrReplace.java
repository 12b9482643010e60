package riko.modules.processor;

import java.util.ArrayList;
import java.util.List;
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

/**
 * riko's {@code strreplace}: literal search and replace in a text field, rule after rule.
 *
 * <p><b>Conf.</b> {@code rule} (required): one rule map or a list of them, applied in order,
 * each to the previous one's result. Rule keys:
 *
 * <ul>
 *   <li>{@code find} (text, required): the literal text to look for (no regular expression).
 *   <li>{@code replace} (text, required): what to put in its place ({@code ""} deletes).
 *   <li>{@code param} (text, default {@code every}): {@code first} replaces the first
 *       occurrence, {@code last} the last one, {@code every} (and any other value) all of them.
 * </ul>
 *
 * <p>Any value may be an item or terminal reference. The field ({@code field} option, default
 * {@code content}) is read as text: a missing field is {@code ""}, other values their Python
 * {@code str()}. As in Python, an empty {@code find} matches between every character.
 *
 * <p><b>Emits</b> each item with the resulting text assigned under {@code assign} (default
 * {@code strreplace}; {@code assign: content} rewrites the field in place).
 *
 * <p><b>Errors.</b> {@link ConfException}, at assembly when the conf is static (else when the
 * item is processed): no {@code rule}; a rule that is not a map; a rule without {@code find} or
 * {@code replace}, or with one that is not text; an empty {@code find} with {@code param: last}
 * (Python's {@code rsplit} refuses an empty separator).
 *
 * <p><b>Example.</b> {@code new StrReplace.Conf(List.of(new Rule("Gr", "M", Param.EVERY),
 * new Rule("e", "a", Param.LAST))).apply("Greetings")} is {@code "Meatings"}; in a pipeline:
 * {@code {"type": "strreplace", "conf": {"rule": [{"find": "o", "replace": "0", "param": "first"}]}}}.
 */
public final class StrReplace extends ProcessorModule {

  /** Which occurrences a rule replaces. */
  public enum Param {
    /** The first occurrence. */
    FIRST,
    /** The last occurrence. */
    LAST,
    /** Every occurrence (riko's default, also for unknown values). */
    EVERY;

    /** riko's reading: exactly {@code "first"} or {@code "last"}, anything else is every. */
    static Param of(@Nullable Object value) {
      return "first".equals(value) ? FIRST : "last".equals(value) ? LAST : EVERY;
    }
  }

  /**
   * One replacement.
   *
   * @param find the literal text to look for
   * @param replace its replacement
   * @param param which occurrences to replace
   */
  public record Rule(String find, String replace, Param param) {

    /**
     * Applies the rule.
     *
     * @throws IllegalArgumentException for an empty {@code find} with {@link Param#LAST}
     */
    public String apply(String text) {
      return switch (param) {
        case FIRST -> PythonStringMethods.replace(text, find, replace, 1);
        case LAST -> PythonStringMethods.replaceLast(text, find, replace);
        case EVERY -> PythonStringMethods.replace(text, find, replace, -1);
      };
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

    /** Applies every rule in turn. */
    public String apply(String text) {
      String result = text;
      for (Rule rule : rules) {
        result = rule.apply(result);
      }
      return result;
    }

    static Conf from(ResolvedConf conf) {
      List<Rule> rules = new ArrayList<>();
      for (Object raw : conf.requireList("rule")) {
        ResolvedConf rule = ResolvedConf.entry(conf.module(), "rule", raw);
        Param param = Param.of(rule.get("param"));
        String find = text(rule, "find");
        if (find.isEmpty() && param == Param.LAST) {
          throw new ConfException(conf.module(), "rule.find", "must not be empty when param is 'last' (empty separator)");
        }
        rules.add(new Rule(find, text(rule, "replace"), param));
      }
      return new Conf(rules);
    }

    private static String text(ResolvedConf rule, String key) {
      Object value = rule.get(key);
      if (!(value instanceof String s)) {
        throw new ConfException(rule.module(), "rule." + key,
            value == null ? "is required (the text to " + key + ")" : "must be text, was " + PyStr.repr(value));
      }
      return s;
    }
  }

  /** The module, as registered. */
  public StrReplace() {
    super(ModuleMetadata.transformer("strreplace", "Literal search and replace in a text field."),
        ProcessorSpec.transformer(Map.of(), "content", FieldCast.TEXT, "strreplace"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (!conf.has("rule")) {
      throw new ConfException(call.label(), "rule", "is required (a map or list of maps with find and replace)");
    }
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(conf.parsed(Conf.class, Conf::from).apply(value == null ? "" : PyStr.str(value)));
  }
}
