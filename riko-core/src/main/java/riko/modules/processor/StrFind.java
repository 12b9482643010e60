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
import riko.value.Truthiness;

/**
 * riko's {@code strfind}: the text before, after or at a literal substring of a text field.
 *
 * <p><b>Conf.</b> {@code rule} (required): one rule map or a list of them, applied in order, each
 * to the previous one's result. Rule keys:
 * <ul>
 *   <li>{@code find} (text, required): the literal text to look for;
 *   <li>{@code location} (text, default {@code before}): {@code before}, {@code after} or
 *       {@code at} (any other value means {@code before});
 *   <li>{@code param} (text, default {@code first}): {@code first} or {@code last} occurrence
 *       (any other value means {@code first});
 *   <li>{@code default} (text, default {@code ""}; a riko key the spec does not list): the result
 *       of {@code at} when {@code find} does not occur.
 * </ul>
 * Any value may be an item or terminal reference. The field ({@code field} option, default
 * {@code content}) is read as text: a missing field is {@code ""}.
 *
 * <p>Per rule on text W: {@code before} is W up to the first (or last) occurrence, {@code ""}
 * when there is none; {@code after} is W from the end of that occurrence, W itself when there is
 * none. {@code at}: with p the index of the first (or last) occurrence, QUIRK: the result is W
 * from p up to index {@code len(find)}, which is the found text only when p is 0, a truncated
 * piece when p &lt; {@code len(find)}, and {@code ""} otherwise ({@code "llo"} in
 * {@code "hello world"} gives {@code "l"}). Indexes count code points, as Python does. Each
 * result is stripped of Python whitespace.
 *
 * <p><b>Emits</b> each item with the result assigned under {@code assign} (default
 * {@code strfind}).
 *
 * <p><b>Errors.</b> {@link ConfException}, at assembly when the conf is static (else when the
 * item is processed): no {@code rule}; a rule that is not a map; no {@code find}, or one that
 * is not text; an empty {@code find} with location {@code before} or {@code after} (Python's
 * "empty separator"; with {@code at} it finds {@code ""} at once, as in riko).
 *
 * <p><b>Example.</b> {@code new StrFind.Conf(List.of(new StrFind.Rule("o", Location.AFTER,
 * Param.LAST, ""), new StrFind.Rule("l", Location.BEFORE, Param.FIRST, ""))).apply("hello world")}
 * is {@code "r"}; in a pipeline: {@code {"type": "strfind", "conf": {"rule": {"find": " ",
 * "location": "after"}}}}.
 */
public final class StrFind extends ProcessorModule {

  /** Which side of the occurrence a rule keeps. */
  public enum Location {
    /** The text before it. */
    BEFORE,
    /** The text after it. */
    AFTER,
    /** riko's truncated slice at it (see the class doc). */
    AT;

    /** riko's reading: exactly {@code "after"} or {@code "at"}, anything else is before. */
    static Location of(@Nullable Object value) {
      return "after".equals(value) ? AFTER : "at".equals(value) ? AT : BEFORE;
    }
  }

  /** Which occurrence a rule measures from. */
  public enum Param {
    /** The first occurrence. */
    FIRST,
    /** The last occurrence. */
    LAST;

    /** riko's reading: exactly {@code "last"}, anything else is first. */
    static Param of(@Nullable Object value) {
      return "last".equals(value) ? LAST : FIRST;
    }
  }

  /**
   * One find rule.
   *
   * @param find the literal text to look for
   * @param location which side to keep
   * @param param which occurrence
   * @param defaultValue the result of {@link Location#AT} when {@code find} does not occur
   */
  public record Rule(String find, Location location, Param param, String defaultValue) {

    /**
     * Checks the rule.
     *
     * @throws IllegalArgumentException for an empty {@code find} with {@code before} or {@code after}
     */
    public Rule {
      if (find.isEmpty() && location != Location.AT) {
        throw new IllegalArgumentException("empty separator");
      }
    }

    /** The rule applied to one text. */
    public String apply(String text) {
      String result;
      if (location == Location.AT) {
        long p = param == Param.LAST ? PythonStringMethods.rfind(text, find) : PythonStringMethods.find(text, find);
        result = p < 0 ? defaultValue : codePointSlice(text, p, find.codePointCount(0, find.length()));
      } else {
        List<String> pieces = PythonStringMethods.split(text, find, param == Param.LAST ? -1 : 1);
        result = location == Location.AFTER
            ? pieces.get(pieces.size() - 1)
            : String.join(find, pieces.subList(0, pieces.size() - 1));
      }
      return PythonStringMethods.strip(result, null);
    }

    /** Python's {@code text[start:end]} for non-negative code-point indexes. */
    private static String codePointSlice(String text, long start, long end) {
      int length = text.codePointCount(0, text.length());
      int from = (int) Math.min(start, length);
      int to = (int) Math.min(end, length);
      if (to <= from) {
        return "";
      }
      return text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to));
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
        Object find = rule.get("find");
        if (!(find instanceof String text)) {
          throw new ConfException(conf.module(), "rule.find",
              find == null ? "is required (the text to look for)" : "must be text, was " + PyStr.repr(find));
        }
        Location location = Location.of(rule.get("location"));
        if (text.isEmpty() && location != Location.AT) {
          throw new ConfException(conf.module(), "rule.find",
              "must not be empty when location is before or after (empty separator)");
        }
        Object fallback = rule.get("default");
        rules.add(new Rule(text, location, Param.of(rule.get("param")),
            Truthiness.isTruthy(fallback) ? PyStr.str(fallback) : ""));
      }
      return new Conf(rules);
    }
  }

  /** The module, as registered. */
  public StrFind() {
    super(ModuleMetadata.transformer("strfind", "The text before, after or at a literal substring."),
        ProcessorSpec.transformer(Map.of(), "content", FieldCast.TEXT, "strfind"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (conf.get("rule") == null) {
      throw new ConfException(call.label(), "rule", "is required (a map or list of maps with find, location, param)");
    }
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(conf.parsed(Conf.class, Conf::from).apply(value == null ? "" : PyStr.str(value)));
  }
}
