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
import riko.spi.ModuleException;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.PyStr;
import riko.value.Truthiness;

/**
 * riko's {@code rename}: renames, copies or deletes fields of each item.
 *
 * <p><b>Conf.</b> {@code rule} (required): one rule map or a list of them, applied in order, each
 * to the result of the previous one. Rule keys:
 * <ul>
 *   <li>{@code field} (text, required): the dotted path of the value to move, copy or delete;
 *   <li>{@code newval} (text, default none): the dotted path written with that value; absent,
 *       empty (or any falsy value) means delete;
 *   <li>{@code copy} (bool, default false): keep {@code field} where it is.
 * </ul>
 * Rule values may be typed values, item references or terminal references.
 *
 * <p><b>Emits</b> the rewritten item in place of the input item (riko fixes {@code emit} to
 * true; {@code emit: false} assigns it under {@code assign}, default {@code rename}). Per rule on
 * item I: the base is I when {@code copy}, else I without the TOP-LEVEL key spelled exactly like
 * {@code field} (QUIRK: case-sensitive, so a dotted or differently cased {@code field} removes
 * nothing); then, when {@code newval} is non-empty, {@code newval} is set to I's value at
 * {@code field} (a path read), QUIRK: {@code null} when I has no such field.
 *
 * <p><b>Errors.</b> A missing {@code rule}, a rule that is not a map, or a rule without
 * {@code field} is a {@link ConfException}: at assembly when the conf is static, otherwise when
 * the item is processed. When the {@code field} option points at a value that is not a map, the
 * item fails with a {@link ModuleException}.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * RawConf conf = RawConf.of("rule", List.of(
 *     Map.of("field", "name", "newval", "full_name"),
 *     Map.of("field", "address.city", "newval", "town", "copy", true),
 *     Map.of("field", "tags")));
 * Flux<Item> out = people.transform(new Rename().create(ModuleCall.of("rename", conf)));
 * }</pre>
 * In a pipeline: {@code {"type": "rename", "conf": {"rule": [{"field": "name", "newval":
 * "full_name"}, {"field": "tags"}]}}}.
 */
public final class Rename extends ProcessorModule {

  /**
   * One rename rule.
   *
   * @param field the dotted path read (and, without {@code copy}, the exact top-level key removed)
   * @param newval where the value is written; {@code null} or empty to delete
   * @param copy whether {@code field} is kept
   */
  public record Rule(String field, @Nullable String newval, boolean copy) {

    static Rule from(String module, @Nullable Object raw) {
      ResolvedConf rule = ResolvedConf.entry(module, "rule", raw);
      Object field = rule.get("field");
      if (field == null) {
        throw new ConfException(module, "rule", "needs a 'field' in every rule, got " + PyStr.repr(raw));
      }
      Object newval = rule.get("newval");
      return new Rule(PyStr.str(field), Truthiness.isTruthy(newval) ? PyStr.str(newval) : null, rule.flag("copy", false));
    }

    /** This rule applied to {@code item}. */
    public Item apply(Item item) {
      Item base = copy ? item : item.withoutExactKey(field);
      if (newval == null || newval.isEmpty()) {
        return base;
      }
      return base.with(newval, item.get(field));
    }
  }

  /** The module, as registered. */
  public Rename() {
    super(ModuleMetadata.transformer("rename", "Renames, copies or deletes item fields."),
        ProcessorSpec.transformer(Map.of(), null, FieldCast.PASS, "rename").emitting());
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (conf.get("rule") == null) {
      throw new ConfException(call.label(), "rule",
          "is required: a rule {\"field\": path, \"newval\": path, \"copy\": bool} or a list of them");
    }
    staticConf(conf, call).ifPresent(resolved -> rules(resolved));
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    if (!(value instanceof Item target) || target.isRaw()) {
      throw new ModuleException(conf.module(), "can only rename the fields of a map, but the field '"
          + call.options().field() + "' holds " + PyStr.repr(value));
    }
    Item result = target;
    for (Rule rule : rules(conf)) {
      result = rule.apply(result);
    }
    return ProcessorResult.of(result);
  }

  private static List<Rule> rules(ResolvedConf conf) {
    List<Rule> rules = new ArrayList<>();
    for (Object raw : conf.requireList("rule")) {
      rules.add(Rule.from(conf.module(), raw));
    }
    return rules;
  }
}
