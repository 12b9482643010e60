package riko.value;

/**
 * Python's {@code Decimal('NaN')}: the value riko's decimal casts and arithmetic produce when a
 * number cannot be read. It is truthy, never equal to anything (itself included, as in Python),
 * and serialised as the JSON string {@code "NaN"}.
 */
public enum DecimalNaN {
  /** The one decimal NaN. */
  INSTANCE;

  @Override
  public String toString() {
    return "NaN";
  }
}
