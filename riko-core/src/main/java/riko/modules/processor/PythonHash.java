package riko.modules.processor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.item.Item;
import riko.value.DecimalNaN;
import riko.value.TimeTuple;

/**
 * CPython 3.12's built-in {@code hash()} as riko's test environment runs it, with
 * {@code PYTHONHASHSEED=94967295} ({@code modules.md}, {@code hash}). The numbers only reproduce
 * riko's under that seed.
 *
 * <ul>
 *   <li>Text: SipHash-1-3 of the code points in the narrowest fixed width that holds them all
 *       (1, 2 or 4 bytes, little-endian), keyed with the first 16 bytes of the secret the seed
 *       generates; the empty string hashes to 0.
 *   <li>Numbers (integers, booleans, floats, decimals): CPython's numeric hash, the value as a
 *       fraction reduced modulo the prime 2^61 - 1, so equal numbers hash alike
 *       ({@code 1 == 1.0 == Decimal(1) == True}); infinities hash to +-314159.
 *   <li>{@code null}: 3.12's constant for {@code None}.
 *   <li>Dates hash their four data bytes like text; zone-aware date-times hash the UTC moment as
 *       the {@code timedelta} state tuple {@code (days, seconds, microseconds)}; time tuples hash
 *       like the 9-tuple {@code struct_time} with {@code tm_isdst} 0.
 * </ul>
 *
 * <p>A result of -1 becomes -2, as in CPython, where -1 signals an error.
 */
final class PythonHash {

  /** riko's {@code PYTHONHASHSEED}. */
  static final long SEED = 94967295L;

  /** 2^61 - 1, the modulus of CPython's numeric hash on 64-bit builds. */
  static final long MODULUS = (1L << 61) - 1;

  /** {@code hash(None)} in CPython 3.12 (a constant since 3.12). */
  static final long NONE = 0xFCA86420L;

  /** {@code hash(float('inf'))}. */
  static final long INFINITY = 314159L;

  private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);
  private static final BigInteger TEN_INVERSE = BigInteger.TEN.modInverse(BIG_MODULUS);

  private static final long XXPRIME_1 = 0x9E3779B185EBCA87L;
  private static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long XXPRIME_5 = 0x27D4EB2F165667C5L;

  private static final long K0;
  private static final long K1;

  static {
    byte[] secret = randomSecret(SEED, 24);
    K0 = littleEndianLong(secret, 0);
    K1 = littleEndianLong(secret, 8);
  }

  private PythonHash() {}

  /**
   * The hash reduced to an unsigned 32-bit number, as riko reports it
   * ({@code ctypes.c_uint(hash(value)).value}).
   *
   * @throws IllegalArgumentException for values Python cannot hash (lists, maps)
   */
  static long unsigned32(@Nullable Object value) {
    return hash(value) & 0xFFFF_FFFFL;
  }

  /**
   * The signed 64-bit hash.
   *
   * @throws IllegalArgumentException for values Python cannot hash (lists, maps)
   */
  static long hash(@Nullable Object value) {
    Object v = value instanceof Item item && item.isRaw() ? item.rawValue() : value;
    if (v == null) {
      return NONE;
    }
    if (v instanceof String s) {
      return ofText(s);
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ofInteger(BigInteger.valueOf(((Number) v).longValue()));
    }
    if (v instanceof BigInteger i) {
      return ofInteger(i);
    }
    if (v instanceof Double || v instanceof Float) {
      return ofFloat(((Number) v).doubleValue());
    }
    if (v instanceof BigDecimal d) {
      return ofDecimal(d);
    }
    if (v == DecimalNaN.INSTANCE) {
      return 0;
    }
    if (v instanceof LocalDate date) {
      return ofDate(date);
    }
    if (v instanceof ZonedDateTime dateTime) {
      return ofDateTime(dateTime.toOffsetDateTime());
    }
    if (v instanceof OffsetDateTime dateTime) {
      return ofDateTime(dateTime);
    }
    if (v instanceof TimeTuple tuple) {
      return ofTimeTuple(tuple);
    }
    if (v instanceof List<?>) {
      throw new IllegalArgumentException("unhashable type: 'list'");
    }
    if (v instanceof Item || v instanceof Map<?, ?>) {
      throw new IllegalArgumentException("unhashable type: 'dict'");
    }
    throw new IllegalArgumentException("unhashable type: '" + v.getClass().getSimpleName() + "'");
  }

  /** {@code hash(str)}: SipHash-1-3 over the code points at their narrowest common width. */
  static long ofText(String text) {
    int[] codePoints = text.codePoints().toArray();
    int max = 0;
    for (int c : codePoints) {
      max = Math.max(max, c);
    }
    int width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    byte[] data = new byte[codePoints.length * width];
    for (int i = 0; i < codePoints.length; i++) {
      for (int b = 0; b < width; b++) {
        data[i * width + b] = (byte) (codePoints[i] >>> (8 * b));
      }
    }
    return ofBytes(data);
  }

  /** CPython's {@code _Py_HashBytes}: 0 for no bytes, else SipHash-1-3 with -1 mapped to -2. */
  static long ofBytes(byte[] data) {
    if (data.length == 0) {
      return 0;
    }
    return notMinusOne(sipHash13(K0, K1, data));
  }

  /** {@code hash(int)}: the value modulo 2^61 - 1, keeping its sign. */
  static long ofInteger(BigInteger value) {
    long h = value.abs().mod(BIG_MODULUS).longValue();
    return notMinusOne(value.signum() < 0 ? -h : h);
  }

  /** {@code hash(float)}: the numeric hash of the float's exact value; NaN gives 0 (see {@link Hash}). */
  static long ofFloat(double value) {
    if (Double.isNaN(value)) {
      return 0;
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? INFINITY : -INFINITY;
    }
    return ofDecimal(new BigDecimal(value));
  }

  /** {@code hash(Decimal)}: coefficient times 10^exponent, modulo 2^61 - 1 (10 is invertible). */
  static long ofDecimal(BigDecimal value) {
    BigInteger coefficient = value.unscaledValue().abs();
    int scale = value.scale();
    BigInteger exponentHash = scale <= 0
        ? BigInteger.TEN.modPow(BigInteger.valueOf(-(long) scale), BIG_MODULUS)
        : TEN_INVERSE.modPow(BigInteger.valueOf(scale), BIG_MODULUS);
    long h = coefficient.multiply(exponentHash).mod(BIG_MODULUS).longValue();
    return notMinusOne(value.signum() < 0 ? -h : h);
  }

  /** {@code hash(date)}: its four data bytes (year high, year low, month, day). */
  static long ofDate(LocalDate date) {
    int year = date.getYear();
    return ofBytes(new byte[] {(byte) (year >>> 8), (byte) year, (byte) date.getMonthValue(), (byte) date.getDayOfMonth()});
  }

  /** {@code hash(aware datetime)}: the state tuple of the timedelta from day 0 to the UTC moment. */
  static long ofDateTime(OffsetDateTime dateTime) {
    long days = dateTime.toLocalDate().toEpochDay() + 719_163L;
    long micros = ((days * 86_400L + dateTime.toLocalTime().toSecondOfDay()) * 1_000_000L)
        + dateTime.getNano() / 1_000
        - dateTime.getOffset().getTotalSeconds() * 1_000_000L;
    long dayMicros = 86_400L * 1_000_000L;
    long remainder = Math.floorMod(micros, dayMicros);
    return ofTuple(Math.floorDiv(micros, dayMicros), remainder / 1_000_000L, remainder % 1_000_000L);
  }

  /** {@code hash(struct_time)}: the hash of its nine visible fields as a tuple. */
  static long ofTimeTuple(TimeTuple tuple) {
    var t = tuple.utc();
    return ofTuple(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
        t.getDayOfWeek().getValue() - 1L, t.getDayOfYear(), 0);
  }

  /** {@code hash(tuple)} of integers: CPython's xxHash-based tuple hash. */
  static long ofTuple(long... elements) {
    long acc = XXPRIME_5;
    for (long element : elements) {
      long lane = ofInteger(BigInteger.valueOf(element));
      acc += lane * XXPRIME_2;
      acc = Long.rotateLeft(acc, 31);
      acc *= XXPRIME_1;
    }
    acc += elements.length ^ (XXPRIME_5 ^ 3527539L);
    return acc == -1 ? 1546275796L : acc;
  }

  /**
   * CPython's {@code lcg_urandom}: the hash secret derived from a fixed seed by the linear
   * congruential generator {@code x = x * 214013 + 2531011 (mod 2^32)}.
   */
  static byte[] randomSecret(long seed, int size) {
    byte[] secret = new byte[size];
    int x = (int) seed;
    for (int i = 0; i < size; i++) {
      x = x * 214013 + 2531011;
      secret[i] = (byte) (x >>> 16);
    }
    return secret;
  }

  /** SipHash with one compression round and three finalisation rounds (CPython's {@code siphash13}). */
  static long sipHash13(long k0, long k1, byte[] data) {
    long[] v = {
      k0 ^ 0x736f6d6570736575L, k1 ^ 0x646f72616e646f6dL, k0 ^ 0x6c7967656e657261L, k1 ^ 0x7465646279746573L,
    };
    int whole = data.length - data.length % 8;
    for (int i = 0; i < whole; i += 8) {
      long m = littleEndianLong(data, i);
      v[3] ^= m;
      sipRound(v);
      v[0] ^= m;
    }
    long last = (long) data.length << 56;
    for (int i = whole; i < data.length; i++) {
      last |= (data[i] & 0xFFL) << (8 * (i - whole));
    }
    v[3] ^= last;
    sipRound(v);
    v[0] ^= last;
    v[2] ^= 0xff;
    sipRound(v);
    sipRound(v);
    sipRound(v);
    return (v[0] ^ v[1]) ^ (v[2] ^ v[3]);
  }

  private static void sipRound(long[] v) {
    v[0] += v[1];
    v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
    v[0] = Long.rotateLeft(v[0], 32);
    v[2] += v[3];
    v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
    v[2] += v[1];
    v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
    v[2] = Long.rotateLeft(v[2], 32);
    v[0] += v[3];
    v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
  }

  private static long littleEndianLong(byte[] data, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[offset + i] & 0xFFL);
    }
    return value;
  }

  private static long notMinusOne(long hash) {
    return hash == -1 ? -2 : hash;
  }
}
