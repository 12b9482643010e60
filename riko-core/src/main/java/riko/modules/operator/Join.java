package riko.modules.operator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.item.ItemPath;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;
import riko.value.PyEquality;
import riko.value.PyStr;
import riko.value.Truthiness;

/**
 * riko's {@code join}: an SQL-like inner join of the input (left) stream with another (right)
 * stream.
 *
 * <p><b>Conf.</b> {@code join_key} (dotted path into the left items, default none);
 * {@code other_join_key} (a top-level key of the right items, default {@code join_key}; when
 * only it is given it is used on both sides); {@code lower} (bool, default false): compare text
 * values case-insensitively. The right-hand stream is the terminal named {@code other}
 * ({@code call.terminal("other")}; in JSON pipelines, the wire into the port {@code other}; QUIRK:
 * NOT {@code _OTHER}, which belongs to {@code union}).
 *
 * <p><b>Emits</b>, for every left item L in order and every right item R in order, the merge of
 * L and R (L's keys then R's; R wins on a conflict) when they match. Without any key every pair
 * matches (the cartesian product, right items that are not maps left out). With a key, a pair
 * matches when both items have the key and the values are equal in Python's sense (with
 * {@code lower}, two strings compared lower-cased); an item lacking the key never matches. The
 * right stream is materialised first; the left stream is then read lazily.
 *
 * <p><b>Errors.</b> Without an {@code other} stream the call fails at assembly with a
 * {@link ConfException} naming {@code other}.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", orders).join(Map.of("join_key", "customer"),
 * customers)}; in JSON: {@code {"id": "sw-3", "type": "join", "conf": {"join_key": "customer"}}}
 * with the wires {@code sw-1 -> sw-3:_INPUT} and {@code sw-2 -> sw-3:other}.
 */
public final class Join extends OperatorModule {

  /**
   * @param joinKey the dotted path read from the left items, or {@code null}
   * @param otherJoinKey the key read from the right items, or {@code null}
   * @param lower whether text compares case-insensitively
   */
  public record Conf(@Nullable String joinKey, @Nullable String otherJoinKey, boolean lower) {
    static Conf from(ResolvedConf conf) {
      return new Conf(key(conf, "join_key"), key(conf, "other_join_key"), conf.flag("lower", false));
    }

    private static @Nullable String key(ResolvedConf conf, String name) {
      Object value = conf.get(name);
      return Truthiness.isTruthy(value) ? PyStr.str(value) : null;
    }
  }

  /** The module, as registered. */
  public Join() {
    super(ModuleMetadata.composer("join", "Joins the stream with the stream wired to 'other', like an SQL inner join."),
        defaults(), "join");
  }

  private static Map<String, @Nullable Object> defaults() {
    Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
    defaults.put("join_key", null);
    defaults.put("lower", false);
    return defaults;
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    if (call.terminal("other").isEmpty()) {
      throw new ConfException(call.label(), "other",
          "needs a right-hand stream: wire one into the port 'other' (not '_OTHER', which is union's)");
    }
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    Flux<Item> other = call.terminal("other").orElseThrow(() -> new ConfException(conf.module(), "other",
        "needs a right-hand stream: wire one into the port 'other'"));
    return OperatorResult.stream(of(items, other, Conf.from(conf)));
  }

  /** The operation itself, for Java callers: {@code items} joined with {@code other}. */
  public static Flux<Item> of(Flux<Item> items, Flux<Item> other, Conf conf) {
    String leftKey = conf.joinKey() != null ? conf.joinKey() : conf.otherJoinKey();
    String rightKey = conf.otherJoinKey() != null ? conf.otherJoinKey() : leftKey;
    return other.filter(right -> !right.isRaw()).collectList().flatMapMany(rights -> items.concatMapIterable(left -> {
      List<Item> joined = new ArrayList<>();
      for (Item right : rights) {
        if (leftKey == null || rightKey == null || matches(left, leftKey, right, rightKey, conf.lower())) {
          joined.add(left.merge(right));
        }
      }
      return joined;
    }));
  }

  private static boolean matches(Item left, String leftKey, Item right, String rightKey, boolean lower) {
    if (!right.containsKey(rightKey) || !hasPath(left, leftKey)) {
      return false;
    }
    Object x = left.get(leftKey);
    Object y = right.getKey(rightKey);
    if (lower && x instanceof String xs && y instanceof String ys) {
      return xs.toLowerCase(Locale.ROOT).equals(ys.toLowerCase(Locale.ROOT));
    }
    return PyEquality.equal(x, y);
  }

  /** Whether the path leads somewhere, even to a {@code null} value (riko tells missing from null). */
  private static boolean hasPath(Item item, String path) {
    if (item.get(path) != null) {
      return true;
    }
    ItemPath parsed = ItemPath.parse(path);
    if (parsed.isEmpty()) {
      return true;
    }
    Object parent = parsed.parent().isEmpty() ? item : item.get(String.join(".", parsed.parent()));
    return parent instanceof Item p && p.containsKey(parsed.leaf());
  }
}
