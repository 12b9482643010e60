package riko.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/**
 * riko's cast table ({@code conf.md} 7.1). Casting never fails: a value that cannot be converted
 * becomes the type's default ({@code 0}, {@code ""}, NaN, 1970-01-01, ...), except an infinite
 * float cast to {@code int}, which Python refuses too.
 */
public enum Cast {
  /** Python {@code str()}; default {@code ""}. */
  TEXT("text"),
  /** Parsed as a float, then truncated toward zero; default {@code 0}. */
  INT("int"),
  /** Python float parsing; default NaN. */
  FLOAT("float"),
  /** Exact decimal (floats by their exact binary expansion); default decimal NaN. */
  DECIMAL("decimal"),
  /** Python truthiness with riko's string rules; default {@code false}. */
  BOOL("bool"),
  /** A calendar date; default 1970-01-01. */
  DATE("date"),
  /** A zone-aware date-time; default 1970-01-01T00:00:00+00:00. */
  DATETIME("datetime"),
  /** A quoted URL with a scheme; default {@code ""}. */
  URL("url"),
  /** A location lookup ({@code street_address}); default an empty map. */
  LOCATION("location"),
  /** The value unchanged. */
  PASS("pass"),
  /** Always {@code null}. */
  NONE("none");

  private static final Pattern FLOAT_TEXT =
      Pattern.compile("[+-]?((\\d(_?\\d)*)?\\.?(\\d(_?\\d)*)?([eE][+-]?\\d(_?\\d)*)?)");
  private static final Pattern SPECIAL_FLOAT = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
  private static final ZonedDateTime EPOCH = ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final String castName;

  Cast(String castName) {
    this.castName = castName;
  }

  /** The name used in confs ({@code "int"}, {@code "datetime"}, ...). */
  public String castName() {
    return castName;
  }

  /** The cast named {@code name} (case-insensitive), if riko has one. */
  public static Optional<Cast> named(@Nullable String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.castName.equals(lower)).findFirst();
  }

  /** The names of all casts, for error messages. */
  public static String knownNames() {
    return Arrays.stream(values()).map(Cast::castName).collect(Collectors.joining(", "));
  }

  /** Casts {@code value}, reading "now" from the system UTC clock. */
  public @Nullable Object apply(@Nullable Object value) {
    return apply(value, Clock.systemUTC());
  }

  /** Casts {@code value}, reading "now" and "today" from {@code clock}. */
  public @Nullable Object apply(@Nullable Object value, Clock clock) {
    Object v = value instanceof Item item && item.isRaw() ? item.rawValue() : value;
    return switch (this) {
      case TEXT -> v == null ? "" : PyStr.str(v);
      case INT -> toInt(v);
      case FLOAT -> toFloat(v);
      case DECIMAL -> toDecimal(v);
      case BOOL -> toBool(v);
      case DATE -> toTemporal(v, clock).map(Cast::calendarDate).orElse(EPOCH.toLocalDate());
      case DATETIME -> toTemporal(v, clock).map(Cast::dateTime).orElse(EPOCH);
      case URL -> v == null ? "" : toUrl(PyStr.str(v));
      case LOCATION -> v == null ? new LinkedHashMap<String, Object>() : Locations.streetAddress();
      case PASS -> v;
      case NONE -> null;
    };
  }

  /** Python {@code int(float(v))}: {@code "12.25"} is 12, {@code "1e3"} is 1000, unreadable is 0. */
  public static long toInt(@Nullable Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof BigDecimal d) {
      return d.setScale(0, RoundingMode.DOWN).longValue();
    }
    double d = v instanceof Double dv ? dv : parseFloat(v == null ? null : PyStr.str(v)).orElse(0.0);
    if (Double.isNaN(d)) {
      return 0;
    }
    if (Double.isInfinite(d)) {
      throw new ArithmeticException("cannot convert float infinity to integer");
    }
    return (long) d;
  }

  /** Python {@code float(v)}; NaN when unreadable. */
  public static double toFloat(@Nullable Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v == null || v == DecimalNaN.INSTANCE) {
      return Double.NaN;
    }
    return parseFloat(PyStr.str(v)).orElse(Double.NaN);
  }

  /** Python's {@code float(text)}: surrounding whitespace, underscores, {@code nan}, {@code inf}. */
  public static Optional<Double> parseFloat(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (SPECIAL_FLOAT.matcher(s).matches()) {
      boolean negative = s.startsWith("-");
      String word = s.replaceFirst("^[+-]", "").toLowerCase(Locale.ROOT);
      if (word.equals("nan")) {
        return Optional.of(Double.NaN);
      }
      return Optional.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (s.isEmpty() || !FLOAT_TEXT.matcher(s).matches() || !s.matches(".*\\d.*")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(s.replace("_", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Python {@code Decimal(v)}: exact; floats by their binary expansion; NaN when unreadable. */
  public static Object toDecimal(@Nullable Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long || v instanceof Integer) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger bi) {
      return new BigDecimal(bi);
    }
    if (v instanceof Boolean b) {
      return BigDecimal.valueOf(b ? 1 : 0);
    }
    if (v instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? DecimalNaN.INSTANCE : new BigDecimal(d);
    }
    if (v == null || v == DecimalNaN.INSTANCE) {
      return DecimalNaN.INSTANCE;
    }
    return parseDecimal(PyStr.str(v)).orElse(DecimalNaN.INSTANCE);
  }

  /** Python's {@code Decimal(text)}: surrounding whitespace and underscores allowed. */
  public static Optional<Object> parseDecimal(String text) {
    String s = text.strip();
    if (s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("+nan") || s.equalsIgnoreCase("-nan")) {
      return Optional.of(DecimalNaN.INSTANCE);
    }
    if (!FLOAT_TEXT.matcher(s).matches() || !s.matches(".*\\d.*")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(s.replace("_", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** riko's bool cast ({@code conf.md} 7.2). */
  public static boolean toBool(@Nullable Object v) {
    if (!(v instanceof String s)) {
      return Truthiness.isTruthy(v);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.equals("true")) {
      return true;
    }
    if (lower.equals("false")) {
      return false;
    }
    String literal = s.replaceFirst("^[ \\t]+", "");
    if (literal.equals("None")) {
      return false;
    }
    Optional<Double> number = parseFloat(literal);
    if (number.isPresent() && !literal.contains("_") && !SPECIAL_FLOAT.matcher(literal.strip()).matches()) {
      return number.get() != 0.0;
    }
    String stripped = literal.strip();
    if (stripped.matches("\\[\\s*]|\\{\\s*}|\\(\\s*\\)|''|\"\"")) {
      return false;
    }
    return !s.isEmpty();
  }

  private static Optional<Temporal> toTemporal(@Nullable Object v, Clock clock) {
    if (v instanceof ZonedDateTime || v instanceof LocalDate) {
      return Optional.of((Temporal) v);
    }
    if (v instanceof OffsetDateTime o) {
      return Optional.of(o.toZonedDateTime());
    }
    if (v instanceof TimeTuple t) {
      return Optional.of(t.toZonedDateTime());
    }
    if (v instanceof Long || v instanceof Integer) {
      return Optional.of(Instant.ofEpochSecond(((Number) v).longValue()).atZone(ZoneOffset.UTC));
    }
    if (v instanceof String s) {
      return DateParsing.parse(s, clock);
    }
    return Optional.empty();
  }

  private static LocalDate calendarDate(Temporal t) {
    return t instanceof ZonedDateTime z ? z.toLocalDate() : (LocalDate) t;
  }

  private static ZonedDateTime dateTime(Temporal t) {
    return t instanceof ZonedDateTime z ? z : ((LocalDate) t).atStartOfDay(ZoneOffset.UTC);
  }

  private static final String URL_SAFE = "%/:=&?~#+!$,;'@()*[]_.-";

  /** riko's url cast ({@code conf.md} 7.4): add {@code http://} when there is no scheme, then quote. */
  public static String toUrl(String text) {
    String url = text.contains("://") ? text : "http://" + text;
    int schemeEnd = url.indexOf("://");
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(scheme).append("://");
    for (byte b : url.substring(schemeEnd + 3).getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 0x80 && URL_SAFE.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /** The fixed results of riko's location lookups, which make no network calls. */
  static final class Locations {
    private Locations() {}

    static Map<String, Object> streetAddress() {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("lat", 0.0);
      result.put("lon", 0.0);
      result.put("country", "United States");
      result.put("admin1", "state");
      result.put("admin2", "county");
      result.put("admin3", "city");
      result.put("city", "city");
      result.put("street", "street");
      result.put("postal", "61605");
      return result;
    }
  }
}
