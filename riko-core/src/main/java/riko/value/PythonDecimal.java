package riko.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code decimal} arithmetic in its default context ({@code conf.md} 7.6): 28
 * significant digits, round-half-even, exponents limited to {@code [-999999, 999999]}, and the
 * traps that raise (invalid operation, division by zero, overflow). Results keep the exponent
 * Python gives them: exact results as close as possible to the "ideal exponent"
 * ({@code 10 / 4} is {@code 2.5}, {@code 10.0 / 5} is {@code 2.0}, {@code 2.50 ** 3} is
 * {@code 15.625000}), inexact ones with exactly 28 digits.
 *
 * <p>The reference is CPython 3.12's C implementation (libmpdec), which riko runs on; where it
 * differs from the pure-Python {@code _pydecimal} (the rounding of some powers) libmpdec wins.
 * Operands are finite; callers deal with NaN (every operation on a NaN gives NaN). A trapped
 * condition throws {@link ArithmeticException} with Python's wording. The only infinite result
 * Python produces without a trap, {@code 0 ** -n}, is reported as {@link InfiniteResultException}.
 * {@link BigDecimal} has no negative zero, so Python's {@code -0} results come out as {@code 0}.
 */
public final class PythonDecimal {

  /** Significant digits. */
  public static final int PRECISION = 28;

  /** Rounding to {@link #PRECISION} digits, half-even. */
  public static final MathContext CONTEXT = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

  private static final int EMAX = 999_999;
  private static final int EMIN = -999_999;
  /** The smallest exponent of a subnormal result. */
  private static final int ETINY = EMIN - (PRECISION - 1);

  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal SQRT_LIMIT = new BigDecimal("1.2");

  /** Thrown for the one infinite result Python gives without a trap, {@code 0 ** -n}. */
  public static final class InfiniteResultException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    InfiniteResultException() {
      super("infinite result: 0 ** -n");
    }
  }

  private PythonDecimal() {}

  /**
   * Python's {@code a + b} in the default context.
   *
   * @param a the left operand
   * @param b the right operand
   * @return the result, rounded and with Python's exponent
   */
  public static BigDecimal add(BigDecimal a, BigDecimal b) {
    return fix(a.add(b, CONTEXT));
  }

  /**
   * Python's {@code a - b} in the default context.
   *
   * @param a the left operand
   * @param b the right operand
   * @return the result, rounded and with Python's exponent
   */
  public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
    return fix(a.subtract(b, CONTEXT));
  }

  /**
   * Python's {@code a * b} in the default context.
   *
   * @param a the left operand
   * @param b the right operand
   * @return the result, rounded and with Python's exponent
   */
  public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
    return fix(a.multiply(b));
  }

  /**
   * True division; an exact quotient keeps the exponent closest to {@code exp(a) - exp(b)}.
   *
   * @param a the left operand
   * @param b the right operand
   * @return the result, rounded and with Python's exponent
   */
  public static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw new ArithmeticException(a.signum() == 0 ? "division undefined: 0 / 0" : "division by zero: x / 0");
    }
    return fix(a.divide(b, CONTEXT));
  }

  /**
   * Python's {@code //} on decimals: the quotient truncated toward zero, exponent 0.
   *
   * @param a the left operand
   * @param b the right operand
   * @return the result, rounded and with Python's exponent
   */
  public static BigDecimal floorDivide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw new ArithmeticException(a.signum() == 0 ? "division undefined: 0 // 0" : "division by zero: x // 0");
    }
    return integerDivision(a, b)[0];
  }

  /**
   * Python's {@code %} on decimals: the remainder with the sign of the dividend.
   *
   * @param a the left operand
   * @param b the right operand
   * @return the result, rounded and with Python's exponent
   */
  public static BigDecimal remainder(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw new ArithmeticException(a.signum() == 0 ? "division undefined: 0 % 0" : "invalid operation: x % 0");
    }
    return fix(integerDivision(a, b)[1]);
  }

  /**
   * Python's {@code sum((a, b)) / 2}.
   *
   * @param a the left operand
   * @param b the right operand
   * @return the result, rounded and with Python's exponent
   */
  public static BigDecimal mean(BigDecimal a, BigDecimal b) {
    return divide(add(add(BigDecimal.ZERO, a), b), BigDecimal.valueOf(2));
  }

  /**
   * Python's {@code a ** b} as CPython's C decimal module (libmpdec) computes it. Integer powers
   * are products at {@code 28 + digits(b) + exp(b) + 2} digits (one more, of {@code 1 / a}, for
   * negative powers), so exact results keep the exponent of the repeated product
   * ({@code 2.50 ** 3} is {@code 15.625000}); other powers are {@code exp(b * ln(a))}, each step
   * correctly rounded to {@code max(digits(a), 28) + 23} digits, then rounded to 28 digits
   * ({@code 4 ** 0.5} is {@code 2.000000000000000000000000000}).
   *
   * @throws ArithmeticException for {@code 0 ** 0}, a negative base with a non-integer power,
   *     or overflow; {@link InfiniteResultException} for {@code 0 ** -n}
   * @param x the base
   * @param y the exponent
   * @return the power, rounded and with Python's exponent
   */
  public static BigDecimal power(BigDecimal x, BigDecimal y) {
    boolean integral = isInteger(y);
    if (x.signum() == 0) {
      if (y.signum() == 0) {
        throw new ArithmeticException("invalid operation: 0 ** 0");
      }
      if (y.signum() < 0) {
        throw new InfiniteResultException();
      }
      return BigDecimal.ZERO;
    }
    if (x.signum() < 0 && !integral) {
      throw new ArithmeticException("invalid operation: x ** y with x negative and y not an integer");
    }
    if (y.signum() == 0) {
      return BigDecimal.ONE;
    }
    BigDecimal base = x.abs();
    BigDecimal result;
    if (base.compareTo(BigDecimal.ONE) == 0) {
      result = powerOfOne(base, y, integral);
    } else {
      result = certainUnderflow(base, y) ? BigDecimal.valueOf(0, -ETINY)
          : integral ? integerPower(base, y) : realPower(base, y);
    }
    return x.signum() < 0 && isOdd(y) ? result.negate() : result;
  }

  /** {@code 1 ** y}: 1 with as many zeros as {@code y} times the base's, at most 27. */
  private static BigDecimal powerOfOne(BigDecimal one, BigDecimal y, boolean integral) {
    int shift = PRECISION - 1;
    if (integral) {
      if (y.signum() < 0 || one.scale() == 0) {
        return BigDecimal.ONE;
      }
      if (y.compareTo(BigDecimal.valueOf(PRECISION)) < 0) {
        shift = (int) Math.min((long) y.intValueExact() * one.scale(), PRECISION - 1);
      }
    }
    return new BigDecimal(BigInteger.TEN.pow(shift), shift);
  }

  /**
   * libmpdec's quick bounds check: throws on certain overflow, returns {@code true} for certain
   * underflow (the result is then 0 at the smallest exponent).
   */
  private static boolean certainUnderflow(BigDecimal x, BigDecimal y) {
    long zeta;
    long t = adjusted(x);
    if (t > 0) {
      zeta = digits(t) - 1L;
    } else if (t < -1) {
      zeta = digits(t + 1) - 1L;
    } else {
      long u = adjusted(x.subtract(BigDecimal.ONE));
      zeta = t == 0 ? u - 2 : u - 1;
    }
    long bound = zeta + adjusted(y);
    boolean growing = (t < 0) == (y.signum() < 0);
    if (growing && bound > digits(EMAX)) {
      throw new ArithmeticException("overflow: result above Emax");
    }
    return !growing && bound > digits(ETINY);
  }

  private static int digits(long exponent) {
    return String.valueOf(Math.abs(exponent)).length();
  }

  /** Integer powers by binary exponentiation at extended precision (libmpdec's {@code _mpd_qpow_int}). */
  private static BigDecimal integerPower(BigDecimal x, BigDecimal y) {
    int working = (int) Math.min(PRECISION + (long) y.precision() - y.scale() + 2, 100_000);
    BigDecimal base = x;
    if (y.signum() < 0) {
      working++;
      base = finalize(BigDecimal.ONE.divide(x, new MathContext(working, RoundingMode.HALF_EVEN)), working);
    }
    BigInteger n = y.abs().toBigIntegerExact();
    BigDecimal result;
    if (n.bitLength() <= 64) {
      result = base;
      for (int bit = n.bitLength() - 2; bit >= 0 && result.signum() != 0; bit--) {
        result = finalize(result.multiply(result), working);
        if (n.testBit(bit)) {
          result = finalize(result.multiply(base), working);
        }
      }
    } else {
      // Right to left; the last squaring may overflow harmlessly, so overflow only counts once used.
      result = BigDecimal.ONE;
      BigDecimal square = base;
      for (BigInteger e = n; e.signum() != 0; e = e.shiftRight(1)) {
        if (e.testBit(0)) {
          if (square == null) {
            throw new ArithmeticException("overflow: result above Emax");
          }
          result = finalize(result.multiply(square), working);
          if (result.signum() == 0) {
            break;
          }
        }
        square = square == null ? null : finiteOrNull(square.multiply(square), working);
      }
    }
    return finalize(result, PRECISION);
  }

  private static @Nullable BigDecimal finiteOrNull(BigDecimal exact, int precision) {
    try {
      return finalize(exact, precision);
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  /** Non-integer powers: {@code exp(y * ln(x))} (libmpdec's {@code _mpd_qpow_real}). */
  private static BigDecimal realPower(BigDecimal x, BigDecimal y) {
    // 19: the digits of libmpdec's largest exponent on 64-bit builds (MPD_EXPDIGITS).
    int working = Math.max(x.precision(), PRECISION) + 4 + 19;
    MathContext mc = new MathContext(working, RoundingMode.HALF_EVEN);
    BigDecimal product = correctlyRounded(x, working, PythonDecimal::ln).multiply(y, mc);
    BigDecimal result = correctlyRounded(product, working, PythonDecimal::exp);
    if (result.compareTo(BigDecimal.ONE) == 0) {
      result = new BigDecimal(BigInteger.TEN.pow(PRECISION - 1), PRECISION - 1);
    }
    return finalize(result, PRECISION);
  }

  /**
   * {@code f(x)} correctly rounded (half-even) to {@code digits} digits, for a transcendental
   * {@code f}: evaluated with more and more guard digits until rounding is unambiguous.
   */
  private static BigDecimal correctlyRounded(BigDecimal x, int digits, BiFunction<BigDecimal, MathContext, BigDecimal> f) {
    MathContext target = new MathContext(digits, RoundingMode.HALF_EVEN);
    for (int guard = 12; ; guard += 12) {
      BigDecimal approx = f.apply(x, new MathContext(digits + guard, RoundingMode.HALF_EVEN));
      BigDecimal truncated = approx.round(new MathContext(digits, RoundingMode.DOWN));
      BigDecimal fraction = approx.subtract(truncated).abs().scaleByPowerOfTen(truncated.scale());
      if (fraction.subtract(HALF).abs().compareTo(BigDecimal.ONE.scaleByPowerOfTen(4 - guard)) > 0) {
        return approx.round(target);
      }
    }
  }

  private static boolean isOdd(BigDecimal integral) {
    BigDecimal stripped = integral.stripTrailingZeros();
    return stripped.scale() == 0 && stripped.unscaledValue().testBit(0);
  }

  /** The natural logarithm of {@code x > 0}, to about {@code mc.getPrecision()} digits. */
  static BigDecimal ln(BigDecimal x, MathContext mc) {
    MathContext work = new MathContext(mc.getPrecision() + 10, RoundingMode.HALF_EVEN);
    long k = adjusted(x);
    if ((k == 0 || k == -1) && x.subtract(BigDecimal.ONE).abs().compareTo(HALF) < 0) {
      return lnReduced(x, work).round(mc);
    }
    BigDecimal mantissa = x.movePointLeft((int) k);
    MathContext wider = new MathContext(work.getPrecision() + digits(k), RoundingMode.HALF_EVEN);
    BigDecimal ln10 = lnReduced(BigDecimal.TEN, wider);
    return lnReduced(mantissa, work).add(ln10.multiply(BigDecimal.valueOf(k))).round(mc);
  }

  /** {@code ln(m)} for {@code m} in {@code [0.5, 10]}: square roots bring it near 1, then atanh. */
  private static BigDecimal lnReduced(BigDecimal m, MathContext mc) {
    if (m.compareTo(BigDecimal.ONE) == 0) {
      return BigDecimal.ZERO;
    }
    int halvings = 0;
    BigDecimal s = m;
    while (s.compareTo(SQRT_LIMIT) > 0) {
      s = s.sqrt(mc);
      halvings++;
    }
    BigDecimal z = s.subtract(BigDecimal.ONE).divide(s.add(BigDecimal.ONE), mc);
    BigDecimal z2 = z.multiply(z, mc);
    BigDecimal term = z;
    BigDecimal sum = z;
    BigDecimal threshold = z.abs().scaleByPowerOfTen(-mc.getPrecision() - 3);
    for (long i = 3; term.abs().compareTo(threshold) > 0; i += 2) {
      term = term.multiply(z2, mc);
      sum = sum.add(term.divide(BigDecimal.valueOf(i), mc), mc);
    }
    return sum.multiply(BigDecimal.valueOf(2L << halvings), mc);
  }

  /** {@code e ** t}, to about {@code mc.getPrecision()} digits. */
  static BigDecimal exp(BigDecimal t, MathContext mc) {
    int extra = t.setScale(0, RoundingMode.DOWN).precision() + 10;
    MathContext work = new MathContext(mc.getPrecision() + extra, RoundingMode.HALF_EVEN);
    BigDecimal ln10 = lnReduced(BigDecimal.TEN, work);
    BigDecimal q = t.divide(ln10, work).setScale(0, RoundingMode.HALF_EVEN);
    BigDecimal r = t.subtract(ln10.multiply(q), work);
    int squarings = 8;
    BigDecimal small = r.divide(BigDecimal.valueOf(1L << squarings), work);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal threshold = BigDecimal.ONE.scaleByPowerOfTen(-work.getPrecision() - 3);
    for (long i = 1; term.abs().compareTo(threshold) > 0; i++) {
      term = term.multiply(small, work).divide(BigDecimal.valueOf(i), work);
      sum = sum.add(term, work);
    }
    for (int i = 0; i < squarings; i++) {
      sum = sum.multiply(sum, work);
    }
    return sum.scaleByPowerOfTen(q.intValueExact()).round(mc);
  }

  static boolean isInteger(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /**
   * Python's {@code _divide}: the integer quotient (exponent 0, truncated toward zero) and the
   * remainder (sign of the dividend, exponent {@code min(exp(a), exp(b))}).
   */
  private static BigDecimal[] integerDivision(BigDecimal a, BigDecimal b) {
    int idealScale = Math.max(a.scale(), b.scale());
    long expdiff = adjusted(a) - adjusted(b);
    if (a.signum() == 0 || expdiff <= -2) {
      return new BigDecimal[] {BigDecimal.ZERO, a.setScale(idealScale)};
    }
    if (expdiff <= PRECISION) {
      BigInteger op1 = a.unscaledValue().abs();
      BigInteger op2 = b.unscaledValue().abs();
      if (a.scale() < b.scale()) {
        op1 = op1.multiply(BigInteger.TEN.pow(b.scale() - a.scale()));
      } else {
        op2 = op2.multiply(BigInteger.TEN.pow(a.scale() - b.scale()));
      }
      BigInteger[] qr = op1.divideAndRemainder(op2);
      if (qr[0].compareTo(BigInteger.TEN.pow(PRECISION)) < 0) {
        BigInteger q = a.signum() * b.signum() < 0 ? qr[0].negate() : qr[0];
        BigInteger r = a.signum() < 0 ? qr[1].negate() : qr[1];
        return new BigDecimal[] {new BigDecimal(q), new BigDecimal(r, idealScale)};
      }
    }
    throw new ArithmeticException("division impossible: quotient too large in //, % or divmod");
  }

  /** The exponent of the most significant digit. */
  static long adjusted(BigDecimal d) {
    return (long) d.precision() - d.scale() - 1;
  }

  /** Python's {@code _fix} in the default context. */
  static BigDecimal fix(BigDecimal exact) {
    return finalize(exact, PRECISION);
  }

  /**
   * Python's {@code _fix} (libmpdec's {@code mpd_qfinalize}) for {@code precision} digits and
   * the default exponent limits: rounds half-even once, raises on overflow, rounds subnormal
   * results at the smallest exponent, and clamps the exponent of zeros.
   */
  static BigDecimal finalize(BigDecimal exact, int precision) {
    long etiny = EMIN - (precision - 1L);
    long exponent = -(long) exact.scale();
    if (exact.signum() == 0) {
      long clamped = Math.min(Math.max(exponent, etiny), EMAX);
      return clamped == exponent ? exact : BigDecimal.valueOf(0, (int) -clamped);
    }
    if (adjusted(exact) < etiny - 1) {
      return BigDecimal.valueOf(0, (int) -etiny);
    }
    if (adjusted(exact) < EMIN) {
      return exponent < etiny ? exact.setScale((int) -etiny, RoundingMode.HALF_EVEN) : exact;
    }
    BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
    if (adjusted(rounded) > EMAX) {
      throw new ArithmeticException("overflow: result above Emax");
    }
    return rounded;
  }
}
