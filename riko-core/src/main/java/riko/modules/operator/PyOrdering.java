package riko.modules.operator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import riko.value.DecimalNaN;
import riko.value.PyEquality;
import riko.value.PyStr;
import riko.value.TimeTuple;

/**
 * Python's ordering operators ({@code <}, {@code >}, ...) between riko values, as {@code sort}
 * and {@code filter} need them ({@code conf.md} 1): numbers of any kind compare exactly with
 * each other, strings by code point, dates with dates, aware date-times with date-times, time
 * tuples with time tuples and lists element by element. Anything else is a Python
 * {@code TypeError}, reported as {@link Incomparable}.
 */
final class PyOrdering {

  private PyOrdering() {}

  /** Python refuses to order two values ({@code TypeError}, or {@code InvalidOperation} for a decimal NaN). */
  static final class Incomparable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Incomparable(@Nullable Object a, @Nullable Object b) {
      super("cannot compare " + PyStr.repr(a) + " with " + PyStr.repr(b));
    }
  }

  /**
   * The order of {@code a} and {@code b}: negative, zero or positive, or empty when the two are
   * unordered (a float NaN is neither smaller nor larger than anything).
   *
   * @throws Incomparable when Python would raise instead of answering
   */
  static Optional<Integer> compare(@Nullable Object a, @Nullable Object b) {
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof String x && b instanceof String y) {
      return Optional.of(Integer.signum(compareCodePoints(x, y)));
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return Optional.of(Integer.signum(x.compareTo(y)));
    }
    if (isDateTime(a) && isDateTime(b)) {
      return Optional.of(Integer.signum(instant(a).compareTo(instant(b))));
    }
    if (a instanceof TimeTuple x && b instanceof TimeTuple y) {
      return Optional.of(Integer.signum(x.compareTo(y)));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return compareLists(x, y);
    }
    throw new Incomparable(a, b);
  }

  /** Python's {@code a < b}. */
  static boolean lessThan(@Nullable Object a, @Nullable Object b) {
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      return x.isBefore(y); // the common case of date sorts, without the boxing of compare
    }
    return compare(a, b).map(c -> c < 0).orElse(false);
  }

  private static boolean isNumber(@Nullable Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Double || v instanceof BigDecimal
        || v instanceof Boolean || v == DecimalNaN.INSTANCE;
  }

  private static Optional<Integer> compareNumbers(Object a, Object b) {
    boolean decimalSide = a instanceof BigDecimal || b instanceof BigDecimal
        || a == DecimalNaN.INSTANCE || b == DecimalNaN.INSTANCE;
    if (a == DecimalNaN.INSTANCE || b == DecimalNaN.INSTANCE || (decimalSide && (isNaN(a) || isNaN(b)))) {
      throw new Incomparable(a, b); // decimal.InvalidOperation: ordering a NaN
    }
    if (isNaN(a) || isNaN(b)) {
      return Optional.empty();
    }
    if (a instanceof Double x && x.isInfinite() || b instanceof Double y && y.isInfinite()) {
      return Optional.of(Double.compare(asDouble(a), asDouble(b)));
    }
    return Optional.of(exact(a).compareTo(exact(b)));
  }

  private static boolean isNaN(Object v) {
    return v instanceof Double d && d.isNaN();
  }

  private static double asDouble(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    // a finite number against an infinity: only its sign matters
    return exact(v).signum();
  }

  private static BigDecimal exact(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Double d) {
      return new BigDecimal(d);
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  private static boolean isDateTime(@Nullable Object v) {
    return v instanceof ZonedDateTime || v instanceof OffsetDateTime;
  }

  private static Instant instant(Object v) {
    return v instanceof ZonedDateTime z ? z.toInstant() : ((OffsetDateTime) v).toInstant();
  }

  /** Python compares strings by code point, which UTF-16 order breaks for characters beyond U+FFFF. */
  private static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(j);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += Character.charCount(cx);
      j += Character.charCount(cy);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }

  private static Optional<Integer> compareLists(List<?> x, List<?> y) {
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      if (!PyEquality.equal(x.get(i), y.get(i))) {
        return compare(x.get(i), y.get(i));
      }
    }
    return Optional.of(Integer.compare(x.size(), y.size()));
  }
}
