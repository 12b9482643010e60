package riko.modules.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * riko's {@code regex}: regular-expression search and replace in item fields, rule after rule.
 *
 * <p><b>Conf.</b> {@code rule} (required): one rule map or a list of them. Rule keys, EXACTLY
 * these (any other key, such as {@code series} or {@code flags}, is an error):
 * <ul>
 *   <li>{@code field} (text, required): the dotted path of the field to rewrite;
 *   <li>{@code match} (text, required): a regular expression in Python syntax
 *       ({@link PythonRegex});
 *   <li>{@code replace} (text, default {@code ""}): the replacement, a Python template
 *       ({@code \1}, {@code \g<name>}, backslash escapes such as {@code \n} are interpreted) in
 *       which riko first turns every {@code $n} into {@code \n}, so {@code $2} is group 2 (QUIRK:
 *       {@code $0} becomes {@code \0}, a NUL character, not the whole match; a {@code $} not
 *       followed by digits stays literal);
 *   <li>{@code default} (any, default none): the field's value when the pattern did not match at
 *       all;
 *   <li>{@code casematch} (bool, default false): match case-sensitively; otherwise
 *       case-insensitively;
 *   <li>{@code singlelinematch} (bool, default false): {@code ^}, {@code $} and {@code .} get
 *       single-line semantics AND only the first occurrence is replaced; otherwise the pattern is
 *       multi-line and dot-matches-newline and every occurrence is replaced;
 *   <li>{@code singlematch} (QUIRK: accepted and ignored), {@code seriesmatch} (default true)
 *       and {@code offset} (default 0): only used by riko's {@code multi} mode, ignored here.
 * </ul>
 * {@code multi} (bool, default false): riko combines the rules of each flag set into one
 * alternation applied in a single scan; this port applies the rules one after the other in both
 * modes, which gives the same result unless the patterns overlap (as the spec allows).
 * {@code convert} (default true) is accepted and unused (QUIRK). Non-text {@code replace} values
 * are read through {@code str()}; a {@code null} one is {@code ""}. Any value may be an item or
 * terminal reference.
 *
 * <p><b>Emits</b> each item rewritten (riko fixes {@code emit} to true; {@code emit: false}
 * assigns the rewritten item under {@code assign}, default {@code regex}). The rules are grouped
 * by {@code field}, groups in order of first appearance, rules in order within a group. Per
 * group, the value W at {@code field} is read (a path read); when W is missing or {@code null}
 * the field is SET to {@code null} (QUIRK: a missing field is created); otherwise each rule in
 * turn rewrites {@code str(W)} (an empty text is left alone, without {@code default}) and the
 * result is written back with a path write: a number that nothing matched still becomes its
 * text.
 *
 * <p><b>Errors.</b> {@link ConfException}, at assembly when the conf is static (else when the
 * item is processed): no {@code rule}; a rule that is not a map or has an unknown key; no
 * {@code field} or {@code match}; a {@code match} that is not text or not a valid Python regular
 * expression (the message names the pattern); a {@code replace} Python rejects for that pattern
 * (a bad escape, a reference to a group the pattern lacks). At runtime a {@link ModuleException}
 * when a rule gets a non-text value to rewrite (the {@code default} of an earlier rule for the
 * same field, which riko cannot rewrite either).
 *
 * <p><b>Example.</b> {@code new Regex.Rule("content", "(\\w+)\\s(\\w+)", "$2wide", null, false,
 * false).apply(Item.of("content", "hello world"))} is {@code {"content": "worldwide"}}; in a
 * pipeline: {@code {"type": "regex", "conf": {"rule": {"field": "title", "match": "(.+)",
 * "replace": "[Weight] $1"}}}}.
 */
public final class Regex extends ProcessorModule {

  private static final Set<String> RULE_KEYS = Set.of("field", "match", "replace", "default", "casematch",
      "singlelinematch", "singlematch", "seriesmatch", "offset");
  private static final Pattern DOLLAR_GROUP = Pattern.compile("\\$(\\d+)");

  /**
   * One replacement rule.
   *
   * @param field the dotted path of the field it rewrites
   * @param match the regular expression (Python syntax)
   * @param replace the replacement, riko's {@code $n} or Python's template syntax
   * @param defaultValue the field's value when {@code match} matched nothing, or {@code null}
   * @param caseMatch match case-sensitively
   * @param singleLineMatch single-line semantics and only the first occurrence replaced
   */
  public record Rule(String field, String match, String replace, @Nullable Object defaultValue,
      boolean caseMatch, boolean singleLineMatch) {

    /**
     * Checks the pattern and the replacement.
     *
     * @throws PythonRegex.InvalidPatternException when Python would reject either
     */
    public Rule {
      compiled(match, replace, caseMatch, singleLineMatch);
    }

    /** The rule applied to one text; {@code default} when nothing matched, the text itself when empty. */
    public @Nullable Object apply(String text) {
      if (text.isEmpty()) {
        return text;
      }
      Compiled c = compiled(match, replace, caseMatch, singleLineMatch);
      PythonRegex.Substitution result = c.regex().subn(c.replacement(), text, singleLineMatch ? 1 : 0);
      return defaultValue != null && result.count() == 0 ? defaultValue : result.text();
    }

    /** The rule applied to an item (only this rule's field changes). */
    public Item apply(Item item) {
      return new Conf(List.of(this), false).apply(item);
    }

    private static Compiled compiled(String match, String replace, boolean caseMatch, boolean singleLineMatch) {
      PythonRegex regex = PythonRegex.compile(match, flags(caseMatch, singleLineMatch));
      return new Compiled(regex, regex.replacement(pythonTemplate(replace)));
    }

    /** riko's flags: case-insensitive unless {@code casematch}; multi-line and dot-all unless {@code singlelinematch}. */
    static int flags(boolean caseMatch, boolean singleLineMatch) {
      int flags = caseMatch ? 0 : PythonRegex.IGNORECASE;
      return singleLineMatch ? flags : flags | PythonRegex.MULTILINE | PythonRegex.DOTALL;
    }
  }

  private record Compiled(PythonRegex regex, PythonRegex.Replacement replacement) {}

  /**
   * The module's conf.
   *
   * @param rules the rules
   * @param multi riko's single-scan mode, applied here as the default mode (see the class doc)
   */
  public record Conf(List<Rule> rules, boolean multi) {

    /** Copies the rules. */
    public Conf {
      rules = List.copyOf(rules);
    }

    /** The rules applied to an item. */
    public Item apply(Item item) {
      Map<String, List<Rule>> byField = new LinkedHashMap<>();
      for (Rule rule : rules) {
        byField.computeIfAbsent(rule.field(), f -> new ArrayList<>()).add(rule);
      }
      Item result = item;
      for (Map.Entry<String, List<Rule>> group : byField.entrySet()) {
        String field = group.getKey();
        Object value = result.get(field);
        if (value == null) {
          result = result.with(field, null);
          continue;
        }
        Object word = PyStr.str(value);
        int index = 0;
        for (Rule rule : group.getValue()) {
          index++;
          if (word instanceof String text) {
            word = rule.apply(text);
          } else if (Truthiness.isTruthy(word)) {
            throw new IllegalArgumentException("rule " + index + " for field '" + field
                + "' cannot rewrite " + PyStr.repr(word) + " (an earlier rule's default), only text");
          }
        }
        result = result.with(field, word);
      }
      return result;
    }

    static Conf from(ResolvedConf conf) {
      List<Rule> rules = new ArrayList<>();
      for (Object raw : conf.requireList("rule")) {
        rules.add(rule(ResolvedConf.entry(conf.module(), "rule", raw)));
      }
      return new Conf(rules, conf.flag("multi", false));
    }

    private static Rule rule(ResolvedConf rule) {
      String module = rule.module();
      for (String key : rule.asMap().keySet()) {
        if (!RULE_KEYS.contains(key)) {
          throw new ConfException(module, "rule." + key, "is not a regex rule key; accepted: "
              + "field, match, replace, default, casematch, singlelinematch, singlematch, seriesmatch, offset");
        }
      }
      Object field = rule.get("field");
      if (field == null) {
        throw new ConfException(module, "rule.field", "is required (the dotted path of the field to rewrite)");
      }
      Object match = rule.get("match");
      if (!(match instanceof String pattern)) {
        throw new ConfException(module, "rule.match", match == null
            ? "is required (a regular expression)" : "must be text, was " + PyStr.repr(match));
      }
      Object replace = rule.get("replace");
      String template = replace == null ? "" : PyStr.str(replace);
      boolean caseMatch = rule.flag("casematch", false);
      boolean singleLine = rule.flag("singlelinematch", false);
      try {
        PythonRegex.compile(pattern, Rule.flags(caseMatch, singleLine));
      } catch (PythonRegex.InvalidPatternException e) {
        throw new ConfException(module, "rule.match", "is not a valid regular expression: "
            + PyStr.repr(pattern) + " (" + e.description() + ")");
      }
      try {
        return new Rule(PyStr.str(field), pattern, template, rule.get("default"), caseMatch, singleLine);
      } catch (PythonRegex.InvalidPatternException e) {
        throw new ConfException(module, "rule.replace", "is not a valid replacement for "
            + PyStr.repr(pattern) + ": " + PyStr.repr(template) + " (" + e.description() + ")");
      }
    }
  }

  /** riko's step before Python's template: every {@code $n} becomes {@code \n}. */
  static String pythonTemplate(String replace) {
    if (replace.indexOf('$') < 0) {
      return replace;
    }
    Matcher m = DOLLAR_GROUP.matcher(replace);
    return m.replaceAll(r -> Matcher.quoteReplacement("\\" + r.group(1)));
  }

  /** The module, as registered. */
  public Regex() {
    super(ModuleMetadata.transformer("regex", "Regular-expression search and replace in item fields."),
        ProcessorSpec.transformer(Map.of("multi", false, "convert", true), null, FieldCast.PASS, "regex").emitting());
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (conf.get("rule") == null) {
      throw new ConfException(call.label(), "rule",
          "is required: a rule {\"field\": path, \"match\": regex, \"replace\": text} or a list of them");
    }
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    if (!(value instanceof Item target) || target.isRaw()) {
      throw new ModuleException(conf.module(), "can only rewrite the fields of a map, but the field '"
          + call.options().field() + "' holds " + PyStr.repr(value));
    }
    Conf parsed = conf.parsed(Conf.class, Conf::from);
    try {
      return ProcessorResult.of(parsed.apply(target));
    } catch (IllegalArgumentException e) {
      throw new ModuleException(conf.module(), e.getMessage(), e);
    }
  }
}
