package riko.value;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/** Python truthiness, which riko uses wherever it tests a value (filters, strconcat parts, casts). */
public final class Truthiness {

  private Truthiness() {}

  /**
   * Whether Python would call {@code value} true: {@code null}, {@code false}, numeric zero, the
   * empty string and empty lists and maps are false; everything else (including {@code "false"},
   * {@code "0"} and NaN) is true.
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
    if (value instanceof Double d) {
      return d != 0.0;
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
