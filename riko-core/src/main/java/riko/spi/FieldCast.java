package riko.spi;

import org.jspecify.annotations.Nullable;
import riko.value.Cast;
import riko.value.PyStr;

/** How a processor casts the field it reads before its logic runs (riko's {@code ftype}, {@code conf.md} 2.6). */
public enum FieldCast {
  /** {@code null} becomes {@code ""}, anything else its {@code str()}. */
  TEXT,
  /** A decimal; {@code null} or unreadable becomes decimal NaN. */
  DECIMAL,
  /** A calendar date; {@code null} or unreadable becomes 1970-01-01. */
  DATE,
  /** The raw value, possibly {@code null}. */
  PASS,
  /** Sources: the field is not read at all. */
  NONE;

  /** Applies the cast. */
  public @Nullable Object apply(@Nullable Object value) {
    return switch (this) {
      case TEXT -> value == null ? "" : PyStr.str(value);
      case DECIMAL -> Cast.toDecimal(value);
      case DATE -> Cast.DATE.apply(value);
      case PASS, NONE -> value;
    };
  }
}
