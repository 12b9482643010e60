package riko.modules.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import org.jspecify.annotations.Nullable;
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
import riko.value.PythonRegex;
import riko.value.Truthiness;

/**
 * riko's {@code refind}: the text before, after or at the matches of a regular expression in a
 * text field.
 *
 * <p><b>Conf.</b> {@code rule} (required): one rule map or a list of them, applied in order, each
 * to the previous one's result. Rule keys:
 * <ul>
 *   <li>{@code find} (text, required): a regular expression in Python syntax
 *       ({@link PythonRegex}), case-sensitive;
 *   <li>{@code location} (text, default {@code before}): {@code before}, {@code after} or
 *       {@code at} (any other value means {@code before});
 *   <li>{@code param} (text, default {@code first}): {@code first} or {@code last}; QUIRK: any
 *       other non-empty value works as {@code first} for {@code before}/{@code after} but makes
 *       {@code at} give its default;
 *   <li>{@code default} (text, default {@code ""}; a riko key the spec does not list): the result
 *       of {@code at} when nothing matches.
 * </ul>
 * Any value may be an item or terminal reference. The field ({@code field} option, default
 * {@code content}) is read as text: a missing field is {@code ""}.
 *
 * <p>Per rule on text W:
 * <ul>
 *   <li>{@code at} + {@code first}: the first match's text; {@code at} + {@code last}: the last
 *       element of Python's {@code findall}, which is the last match's text, or QUIRK its group
 *       when the pattern has one group;
 *   <li>{@code before}/{@code after}: W is split by the pattern (Python's {@code re.split}: at
 *       the first match only for {@code first}, at every match for {@code last}; the texts of the
 *       pattern's groups are inserted between the pieces). {@code after} is the last piece;
 *       {@code before} is every other piece joined with the PATTERN TEXT itself (QUIRK: with
 *       {@code \d}, not with the matched digit). With no match, {@code before} is {@code ""} and
 *       {@code after} is W;
 *   <li>the result is stripped of Python whitespace.
 * </ul>
 *
 * <p><b>Emits</b> each item with the result assigned under {@code assign} (default
 * {@code refind}).
 *
 * <p><b>Errors.</b> {@link ConfException}, at assembly when the conf is static (else when the
 * item is processed): no {@code rule}; a rule that is not a map; no {@code find}, one that is
 * not text, or one that is not a valid Python regular expression (the message names it). At
 * runtime a {@link ModuleException}, as riko fails too, when {@code at} + {@code last} meets a
 * match of a pattern with two or more groups (Python's {@code findall} gives a tuple), or when
 * {@code before} would join a group that did not take part ({@code None}).
 *
 * <p><b>Example.</b> {@code new ReFind.Conf(List.of(new ReFind.Rule("o([a-z])", Location.AFTER,
 * Param.FIRST, ""), new ReFind.Rule("d", Location.BEFORE, Param.FIRST, ""))).apply("hello world")}
 * is {@code "l"}; in a pipeline: {@code {"type": "refind", "conf": {"rule": {"find": "\\d+",
 * "location": "at"}}}}.
 */
public final class ReFind extends ProcessorModule {

  /** Which side of the match a rule keeps. */
  public enum Location {
    /** The text before it. */
    BEFORE,
    /** The text after it. */
    AFTER,
    /** The match itself. */
    AT;

    /** riko's reading: exactly {@code "after"} or {@code "at"}, anything else is before. */
    static Location of(@Nullable Object value) {
      return "after".equals(value) ? AFTER : "at".equals(value) ? AT : BEFORE;
    }
  }

  /** Which match a rule uses. */
  public enum Param {
    /** The first match (riko's default, also for a missing or empty param). */
    FIRST,
    /** The last match. */
    LAST,
    /** Any other value: {@link #FIRST} for before/after, the default for {@code at} (QUIRK). */
    OTHER;

    /** riko's reading of {@code param}. */
    static Param of(@Nullable Object value) {
      if (!Truthiness.isTruthy(value) || "first".equals(value)) {
        return FIRST;
      }
      return "last".equals(value) ? LAST : OTHER;
    }
  }

  /**
   * One find rule.
   *
   * @param find the regular expression (Python syntax)
   * @param location which side to keep
   * @param param which match
   * @param defaultValue the result of {@link Location#AT} when nothing matches
   */
  public record Rule(String find, Location location, Param param, String defaultValue) {

    /**
     * Checks the pattern.
     *
     * @throws PythonRegex.InvalidPatternException when Python would reject it
     */
    public Rule {
      PythonRegex.compile(find);
    }

    /**
     * The rule applied to one text.
     *
     * @throws IllegalStateException where riko fails (see the class doc)
     */
    public String apply(String text) {
      PythonRegex regex = PythonRegex.compile(find);
      String result;
      if (location == Location.AT) {
        result = at(regex, text);
      } else {
        List<@Nullable String> pieces = regex.split(text, param == Param.LAST ? 0 : 1);
        if (location == Location.AFTER) {
          result = pieces.get(pieces.size() - 1);
        } else {
          List<@Nullable String> kept = pieces.subList(0, pieces.size() - 1);
          if (kept.contains(null)) {
            throw new IllegalStateException("cannot join the pieces of " + PyStr.repr(text) + " split by "
                + PyStr.repr(find) + ": a group did not take part (None)");
          }
          result = String.join(find, kept);
        }
      }
      return PythonStringMethods.strip(result, null);
    }

    private String at(PythonRegex regex, String text) {
      if (param == Param.LAST) {
        List<Object> found = regex.findall(text);
        if (found.isEmpty()) {
          return defaultValue;
        }
        Object last = found.get(found.size() - 1);
        if (!(last instanceof String s)) {
          throw new IllegalStateException("'at' with 'last' needs a pattern with at most one group; "
              + PyStr.repr(find) + " has " + regex.groupCount() + ", so the last match is the tuple " + PyStr.repr(last));
        }
        return s;
      }
      Optional<MatchResult> first = regex.search(text);
      return first.isPresent() && param == Param.FIRST ? first.get().group() : defaultValue;
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
        if (!(find instanceof String pattern)) {
          throw new ConfException(conf.module(), "rule.find",
              find == null ? "is required (a regular expression)" : "must be text, was " + PyStr.repr(find));
        }
        Object fallback = rule.get("default");
        try {
          rules.add(new Rule(pattern, Location.of(rule.get("location")), Param.of(rule.get("param")),
              Truthiness.isTruthy(fallback) ? PyStr.str(fallback) : ""));
        } catch (PythonRegex.InvalidPatternException e) {
          throw new ConfException(conf.module(), "rule.find", "is not a valid regular expression: "
              + PyStr.repr(pattern) + " (" + e.description() + ")");
        }
      }
      return new Conf(rules);
    }
  }

  /** The module, as registered. */
  public ReFind() {
    super(ModuleMetadata.transformer("refind", "The text before, after or at the matches of a regular expression."),
        ProcessorSpec.transformer(Map.of(), "content", FieldCast.TEXT, "refind"));
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
    Conf parsed = conf.parsed(Conf.class, Conf::from);
    try {
      return ProcessorResult.of(parsed.apply(value == null ? "" : PyStr.str(value)));
    } catch (IllegalStateException e) {
      throw new ModuleException(conf.module(), e.getMessage(), e);
    }
  }
}
