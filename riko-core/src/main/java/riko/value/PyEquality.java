package riko.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/**
 * Python equality between riko values: {@code 1 == 1.0 == Decimal(1) == True}, {@code "1" != 1},
 * {@code Decimal('0.1') != 0.1} (a float compares by its exact binary value), NaN equal to
 * nothing, date-times with zones equal when they are the same instant, a date never equal to a
 * date-time, lists element by element, maps key by key with keys compared case-insensitively
 * (as riko's items compare). {@code uniq}, {@code join} and {@code filter}'s {@code is}/{@code
 * isnot} compare this way.
 */
public final class PyEquality {

  private PyEquality() {}

  /** Whether Python's {@code a == b} holds. */
  public static boolean equal(@Nullable Object a, @Nullable Object b) {
    return Objects.equals(key(a), key(b));
  }

  /**
   * A key for hashing: two values have equal keys exactly when Python calls them equal (except
   * NaN, whose key is a fresh identity object so that it equals nothing).
   */
  public static @Nullable Object key(@Nullable Object value) {
    if (value instanceof Item item) {
      if (item.isRaw()) {
        return key(item.rawValue());
      }
      return mapKey(item.asMap());
    }
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return new Object();
      }
      if (Double.isInfinite(d)) {
        return d;
      }
      return normalise(new BigDecimal(d));
    }
    if (value instanceof BigDecimal d) {
      return normalise(d);
    }
    if (value instanceof BigInteger i) {
      return normalise(new BigDecimal(i));
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return normalise(BigDecimal.valueOf(((Number) value).longValue()));
    }
    if (value == DecimalNaN.INSTANCE) {
      return new Object();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Map<?, ?> map) {
      return mapKey(map);
    }
    if (value instanceof Collection<?> list) {
      List<@Nullable Object> keys = new ArrayList<>(list.size());
      for (Object element : list) {
        keys.add(key(element));
      }
      return keys;
    }
    return value;
  }

  private static Map<String, @Nullable Object> mapKey(Map<?, ?> map) {
    Map<String, @Nullable Object> keys = new LinkedHashMap<>();
    map.forEach((k, v) -> keys.put(String.valueOf(k).toLowerCase(Locale.ROOT), key(v)));
    return keys;
  }

  private static BigDecimal normalise(BigDecimal d) {
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }
}
