package riko.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/** Python truthiness, which riko uses wherever it tests a value (filters, strconcat parts, casts). */
public final class Truthiness {

  private Truthiness() {}

  /**
   * Whether Python would call {@code value} true: {@code null}, {@code false}, numeric zero
   * ({@code 0}, {@code 0.0}, {@code -0.0}, a decimal zero of any scale), the empty string and
   * empty lists and maps are false; everything else (including {@code "false"}, {@code "0"},
   * float and decimal NaN, dates, date-times and time tuples) is true. A raw item is judged by
   * its bare value.
   */
  public static boolean isTruthy(@Nullable Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue() != 0.0; // NaN is true
    }
    if (value instanceof BigInteger i) {
      return i.signum() != 0;
    }
    if (value instanceof Number n) {
      return n.longValue() != 0;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value instanceof Item item) {
      return item.isRaw() ? isTruthy(item.rawValue()) : !item.isEmpty();
    }
    return true;
  }
}
