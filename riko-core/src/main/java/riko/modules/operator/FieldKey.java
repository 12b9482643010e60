package riko.modules.operator;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import riko.item.Item;
import riko.value.Cast;
import riko.value.DecimalNaN;
import riko.value.PyStr;

/**
 * The key riko reads from an item to sort or group it (its {@code def_itemgetter}): the value at
 * a dotted path, optionally cast, with a default standing in for what cannot be ordered.
 *
 * <p>Without a cast type: strings, integers, booleans and time tuples are used as they are; maps
 * and lists become the default; {@code null} and NaN become the default; anything else (floats,
 * decimals, dates) is used as it is. The default is {@code ""}. With a cast type the value is
 * cast, and the default is the cast's own default ({@code int} 0, {@code text} {@code ""}, QUIRK:
 * {@code float} NaN). The types {@code pass}, {@code location}, {@code none} and unknown names
 * behave like no type. {@code sort} orders by this key; {@code count} and {@code sum} group by
 * its {@code str()}.
 */
final class FieldKey {

  private final String path;
  private final @Nullable Cast cast;
  private final @Nullable Object fallback;
  private final Clock clock;

  private FieldKey(String path, @Nullable Cast cast, @Nullable Object fallback, Clock clock) {
    this.path = path;
    this.cast = cast;
    this.fallback = fallback;
    this.clock = clock;
  }

  /** The key at {@code path}, uncast; its default is {@code ""}. */
  static FieldKey of(String path) {
    return new FieldKey(path, null, "", Clock.systemUTC());
  }

  /** The key at {@code path} cast to {@code type} ({@code null} or empty for none). */
  static FieldKey of(String path, @Nullable String type, Clock clock) {
    Optional<Cast> named = type == null || type.isEmpty() ? Optional.empty() : Cast.named(type)
        .filter(c -> c != Cast.PASS && c != Cast.LOCATION && c != Cast.NONE);
    if (named.isEmpty()) {
      return new FieldKey(path, null, "", clock);
    }
    Object castDefault = named.get().apply(null, clock);
    return new FieldKey(path, named.get(), castDefault == null ? "" : castDefault, clock);
  }

  /** The key of {@code item}. */
  @Nullable Object of(Item item) {
    Object value = item.get(path);
    Object key;
    if (cast != null) {
      key = cast.apply(value == null ? fallback : value, clock);
    } else if (value instanceof Item || value instanceof Map<?, ?> || value instanceof List<?>) {
      key = fallback;
    } else {
      key = value;
    }
    if (key == null || isNaN(key)) {
      return fallback;
    }
    return key;
  }

  /** Python's {@code str()} of the key, as {@code count} and {@code sum} group by. */
  String text(Item item) {
    return PyStr.str(of(item));
  }

  private static boolean isNaN(Object v) {
    return v == DecimalNaN.INSTANCE || v instanceof Double d && d.isNaN();
  }
}
