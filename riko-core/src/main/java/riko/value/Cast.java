package riko.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/**
 * riko's cast table ({@code conf.md} 7.1), used by typed conf values ({@code {"type": "int",
 * "value": "5"}}), {@code typecast}, {@code input} and the field casts. Casting never fails: a
 * value that cannot be converted becomes the type's default, and {@code null} always does
 * (except for {@code none}). The one exception is an infinite float cast to {@code int}, which
 * Python refuses too ({@link ArithmeticException}).
 *
 * <pre>{@code
 * Cast.INT.apply("12.25")          // 12L
 * Cast.DECIMAL.apply("1e3")        // BigDecimal 1E+3
 * Cast.BOOL.apply("no")            // true (QUIRK: only false-looking literals are false)
 * Cast.DATETIME.apply("5/4/82")    // 1982-05-04T00:00Z
 * Cast.named("datetime")           // Optional[DATETIME]
 * }</pre>
 */
public enum Cast {
  /** Python {@code str()} ({@link PyStr#str}); default {@code ""}. */
  TEXT("text"),
  /** {@link #toInt}: read as a float, then truncated toward zero; default {@code 0}. */
  INT("int"),
  /** {@link #toFloat}: Python float parsing; default NaN. */
  FLOAT("float"),
  /** {@link #toDecimal}: an exact decimal (floats by their binary expansion); default decimal NaN. */
  DECIMAL("decimal"),
  /** {@link #toBool}: Python truthiness of the value read as a literal; default {@code false}. */
  BOOL("bool"),
  /**
   * A calendar date ({@code conf.md} 7.3): a date-time's own calendar date, a date, a time
   * tuple's date, epoch seconds (integers) in UTC, or {@link DateParsing} of a string; default
   * 1970-01-01.
   */
  DATE("date"),
  /**
   * A zone-aware date-time: date-times kept, dates and date-only strings ({@code "today"},
   * {@code "+3 days"}) at midnight UTC, time tuples in UTC, epoch seconds labelled GMT, other
   * strings by {@link DateParsing}; default 1970-01-01T00:00:00+00:00. (riko itself returns a
   * plain date for the date-only strings; the spec asks for a date-time and so does this port.)
   */
  DATETIME("datetime"),
  /** {@link #toUrl}: a quoted URL with a scheme; default {@code ""}. */
  URL("url"),
  /**
   * riko's offline {@code street_address} lookup: always the same stub map ({@code conf.md}
   * 7.5); default an empty map.
   */
  LOCATION("location"),
  /** The value unchanged; default {@code null}. */
  PASS("pass"),
  /** Always {@code null}. */
  NONE("none");

  private static final Pattern FLOAT_TEXT =
      Pattern.compile("[+-]?((\\d(_?\\d)*)?\\.?(\\d(_?\\d)*)?([eE][+-]?\\d(_?\\d)*)?)");
  private static final Pattern SPECIAL_FLOAT = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPECIAL_DECIMAL = Pattern.compile("[+-]?(s?nan\\d*|inf|infinity)", Pattern.CASE_INSENSITIVE);
  private static final ZonedDateTime EPOCH = ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final String castName;

  Cast(String castName) {
    this.castName = castName;
  }

  /** The name used in confs ({@code "int"}, {@code "datetime"}, ...). */
  public String castName() {
    return castName;
  }

  /**
   * The cast named {@code name}, if riko has one. Names are matched exactly, as riko does:
   * {@code "int"} is a cast, {@code "INT"} is not (a typed value of type {@code INT} is left
   * uncast, and {@code typecast} rejects it).
   */
  public static Optional<Cast> named(@Nullable String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(c -> c.castName.equals(name)).findFirst();
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
      case DATE -> toDate(v, clock);
      case DATETIME -> toDateTime(v, clock);
      case URL -> v == null ? "" : toUrl(PyStr.str(v));
      case LOCATION -> v == null ? new LinkedHashMap<String, Object>() : Locations.streetAddress();
      case PASS -> v;
      case NONE -> null;
    };
  }

  /**
   * Python {@code int(float(v))}: {@code "12.25"} is 12, {@code "1e3"} is 1000, {@code -2.5} is
   * -2, {@code true} is 1; {@code null}, NaN and anything unreadable are 0. Going through a float
   * is kept: integers beyond 2<sup>53</sup> lose their last digits, as in riko.
   *
   * @throws ArithmeticException for an infinite value, which riko does not catch either
   */
  public static long toInt(@Nullable Object v) {
    double d = v == null ? Double.NaN : toFloat(v);
    if (Double.isNaN(d)) {
      return 0;
    }
    if (Double.isInfinite(d)) {
      throw new ArithmeticException("cannot convert float infinity to integer");
    }
    return (long) d;
  }

  /**
   * Python {@code float(v)}: numbers and booleans converted, strings parsed
   * ({@link #parseFloat}); NaN for {@code null}, unreadable strings and values Python's
   * {@code float()} refuses (lists, maps, dates).
   */
  public static double toFloat(@Nullable Object v) {
    if (v instanceof Item item && item.isRaw()) {
      return toFloat(item.rawValue());
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (v instanceof String s) {
      return parseFloat(s).orElse(Double.NaN);
    }
    return Double.NaN;
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

  /**
   * Python {@code Decimal(v)}: exact; floats by their binary expansion ({@code 0.1} is
   * {@code 0.1000000000000000055511151231257827021181583404541015625}); booleans 0 and 1; strings
   * parsed ({@link #parseDecimal}); decimal NaN for {@code null}, unreadable strings, NaN and
   * infinite floats (Python has a decimal infinity; this port reads it as NaN) and values Python
   * refuses (lists, maps, dates).
   *
   * @return a {@link BigDecimal} or {@link DecimalNaN#INSTANCE}
   */
  public static Object toDecimal(@Nullable Object v) {
    if (v instanceof Item item && item.isRaw()) {
      return toDecimal(item.rawValue());
    }
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
    if (v instanceof String s) {
      return parseDecimal(s).orElse(DecimalNaN.INSTANCE);
    }
    return DecimalNaN.INSTANCE;
  }

  /**
   * Python's {@code Decimal(text)}: surrounding whitespace allowed and every underscore ignored
   * ({@code "1__000"} is 1000, as in Python), exponents kept ({@code "1e3"} is {@code 1E+3}); {@code NaN} (and Python's other
   * special values, {@code Infinity} and {@code sNaN}) read as decimal NaN.
   */
  public static Optional<Object> parseDecimal(String text) {
    String s = text.strip().replace("_", "");
    if (SPECIAL_DECIMAL.matcher(s).matches()) {
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

  /**
   * riko's bool cast ({@code conf.md} 7.2): {@code bool(literal_eval(v))}. Booleans and numbers
   * by Python truthiness. A string is {@code true}/{@code false} in any letter case, else it is
   * read as a Python literal: zero in any spelling ({@code "0"}, {@code "0.0"}, {@code "-0"},
   * {@code "0x0"}, {@code "0_0"}, {@code "0j"}, {@code "(0)"}), {@code "None"}, empty strings and
   * bytes ({@code "''"}, {@code "b''"}) and empty containers ({@code "[]"}, {@code "()"},
   * {@code "{}"}, {@code "set()"}) are false; anything else is a non-empty literal or not a
   * literal at all, and so true when non-empty. QUIRK: {@code "no"}, {@code "off"}, {@code "n"},
   * {@code "nan"} are true; {@code ""} is false. Other values (lists, maps, dates) by
   * truthiness (riko itself fails on them).
   */
  public static boolean toBool(@Nullable Object v) {
    if (v instanceof Item item && item.isRaw()) {
      return toBool(item.rawValue());
    }
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
    return !s.isEmpty() && !FalsyLiteral.matches(s);
  }

  /** The Python literals that are false, as {@code ast.literal_eval} reads them. */
  static final class FalsyLiteral {
    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final String REAL = "(?:(?:" + DIGITS + ")?\\." + DIGITS + "|" + DIGITS + "\\.?)(?:[eE][+-]?" + DIGITS + ")?";
    private static final Pattern NUMBER = Pattern.compile("([+-]?)\\s*(" + REAL + ")([jJ]?)");
    private static final Pattern COMPLEX = Pattern.compile(
        "[+-]?\\s*(" + REAL + ")\\s*[+-]\\s*(" + REAL + ")[jJ]");
    private static final Pattern PREFIXED_ZERO = Pattern.compile(
        "[+-]?\\s*0(?:[xX](?:_?0)+|[oO](?:_?0)+|[bB](?:_?0)+)");
    private static final String EMPTY_STRING = "(?:[rRuUbB]|[bB][rR]|[rR][bB])?(?:''''''|\"\"\"\"\"\"|''|\"\")";
    private static final Pattern EMPTY = Pattern.compile(
        "\\[\\s*]|\\{\\s*}|set\\(\\s*\\)|" + EMPTY_STRING + "(?:\\s*" + EMPTY_STRING + ")*");

    private FalsyLiteral() {}

    static boolean matches(String text) {
      String s = text.strip();
      if (s.isEmpty()) {
        return false; // not a literal; as a string it is true when it holds whitespace
      }
      while (s.startsWith("(") && s.endsWith(")")) {
        String inner = s.substring(1, s.length() - 1).strip();
        if (inner.isEmpty()) {
          return true; // the empty tuple
        }
        s = inner;
      }
      if (s.equals("None") || EMPTY.matcher(s).matches() || PREFIXED_ZERO.matcher(s).matches()) {
        return true;
      }
      Matcher complex = COMPLEX.matcher(s);
      if (complex.matches()) {
        return isZero(complex.group(1)) && isZero(complex.group(2));
      }
      Matcher number = NUMBER.matcher(s);
      if (!number.matches()) {
        return false;
      }
      String digits = number.group(2);
      boolean integer = digits.matches("[\\d_]+");
      if (integer && number.group(3).isEmpty() && digits.startsWith("0") && !digits.matches("[0_]+")) {
        return false; // "01" is not a Python literal; as a string it is true anyway
      }
      return isZero(digits);
    }

    private static boolean isZero(String real) {
      return Double.parseDouble(real.replace("_", "")) == 0.0;
    }
  }

  private static LocalDate toDate(@Nullable Object v, Clock clock) {
    if (v instanceof ZonedDateTime z) {
      return z.toLocalDate();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toLocalDate();
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    Optional<Temporal> parsed = toTemporal(v, clock);
    if (parsed.isEmpty()) {
      return EPOCH.toLocalDate();
    }
    return parsed.get() instanceof ZonedDateTime z ? z.toLocalDate() : (LocalDate) parsed.get();
  }

  private static ZonedDateTime toDateTime(@Nullable Object v, Clock clock) {
    if (v instanceof ZonedDateTime z) {
      return z;
    }
    if (v instanceof OffsetDateTime o) {
      return o.toZonedDateTime();
    }
    Optional<Temporal> parsed = v instanceof LocalDate d ? Optional.of(d) : toTemporal(v, clock);
    if (parsed.isEmpty()) {
      return EPOCH;
    }
    return parsed.get() instanceof ZonedDateTime z ? z : ((LocalDate) parsed.get()).atStartOfDay(ZoneOffset.UTC);
  }

  /**
   * A time tuple (its fields are UTC), epoch seconds for integers and booleans (labelled GMT, as
   * Python's {@code gmtime} does), riko's date strings; nothing for other values.
   */
  private static Optional<Temporal> toTemporal(@Nullable Object v, Clock clock) {
    if (v instanceof TimeTuple t) {
      return Optional.of(t.toZonedDateTime());
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      long seconds = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
      try {
        ZonedDateTime at = Instant.ofEpochSecond(seconds).atZone(GMT);
        return at.getYear() >= 1 && at.getYear() <= 9999 ? Optional.of(at) : Optional.empty();
      } catch (DateTimeException outOfRange) {
        return Optional.empty();
      }
    }
    if (v instanceof String s) {
      return DateParsing.parse(s, clock);
    }
    return Optional.empty();
  }

  private static final ZoneId GMT = ZoneId.of("GMT");
  private static final String URL_SAFE = "%/:=&?~#+!$,;'@()*[]_.-~";
  private static final Set<String> USES_NETLOC = Set.of("", "ftp", "http", "gopher", "nntp",
      "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync", "svn",
      "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss", "itms-services");
  private static final Set<String> USES_PARAMS = Set.of("", "ftp", "hdl", "prospero", "http",
      "imap", "https", "shttp", "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel");

  /**
   * riko's url cast ({@code conf.md} 7.4): {@code http://} is prefixed when the text has no
   * {@code ://}; every character but letters, digits, {@code _.-~} and
   * {@code %/:=&?~#+!$,;'@()*[]} is percent-encoded (UTF-8); then the URL is split and joined
   * again as Python's {@code urlparse(...).geturl()} does, which lower-cases the scheme and drops
   * an empty query, fragment or {@code ;params}: {@code "google.com"} is
   * {@code "http://google.com"}, {@code "HTTP://a.com/a b?"} is {@code "http://a.com/a%20b"}.
   * Text that cannot be encoded (an unpaired surrogate) gives the default {@code ""}.
   */
  public static String toUrl(String text) {
    String url = text.contains("://") ? text : "http://" + text;
    StringBuilder quoted = new StringBuilder();
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < url.length() && Character.isLowSurrogate(url.charAt(i + 1)))) {
        if (!(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(url.charAt(i - 1)))) {
          return "";
        }
      }
    }
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 0x80 && URL_SAFE.indexOf(c) >= 0)) {
        quoted.append((char) c);
      } else {
        quoted.append('%').append(String.format("%02X", c));
      }
    }
    return geturl(quoted.toString());
  }

  /** Python's {@code urlparse(url).geturl()} for an already quoted URL. */
  private static String geturl(String quoted) {
    String rest = quoted;
    String scheme = "";
    int colon = rest.indexOf(':');
    if (colon > 0 && isAsciiLetter(rest.charAt(0)) && rest.substring(0, colon).matches("[A-Za-z0-9+.-]+")) {
      scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
      rest = rest.substring(colon + 1);
    }
    String netloc = "";
    if (rest.startsWith("//")) {
      int end = rest.length();
      for (char delimiter : new char[] {'/', '?', '#'}) {
        int at = rest.indexOf(delimiter, 2);
        if (at >= 0 && at < end) {
          end = at;
        }
      }
      netloc = rest.substring(2, end);
      rest = rest.substring(end);
      if (!validBrackets(netloc)) {
        return "";
      }
    }
    String fragment = "";
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    String query = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    String path = rest;
    if (USES_PARAMS.contains(scheme) && path.indexOf(';') >= 0) {
      int semicolon = path.indexOf(';', Math.max(path.lastIndexOf('/'), 0));
      if (semicolon >= 0) {
        String params = path.substring(semicolon + 1);
        path = path.substring(0, semicolon) + (params.isEmpty() ? "" : ";" + params);
      }
    }
    StringBuilder out = new StringBuilder();
    if (!netloc.isEmpty() || (!scheme.isEmpty() && USES_NETLOC.contains(scheme) && !path.startsWith("//"))) {
      if (!path.isEmpty() && !path.startsWith("/")) {
        path = "/" + path;
      }
      path = "//" + netloc + path;
    }
    if (!scheme.isEmpty()) {
      out.append(scheme).append(':');
    }
    out.append(path);
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    if (!fragment.isEmpty()) {
      out.append('#').append(fragment);
    }
    return out.toString();
  }

  /**
   * Python refuses a network location with unbalanced brackets, or whose bracketed host is
   * neither an IPv6 address nor an {@code vX.y} "IPvFuture" host ({@code ValueError}, so the
   * cast gives its default).
   */
  private static boolean validBrackets(String netloc) {
    int open = netloc.indexOf('[');
    int close = netloc.indexOf(']');
    if (open < 0 && close < 0) {
      return true;
    }
    if (open < 0 || close < 0) {
      return false;
    }
    int end = netloc.indexOf(']', open);
    String host = end < 0 ? netloc.substring(open + 1) : netloc.substring(open + 1, end);
    if (host.startsWith("v")) {
      return host.matches("(?s)v[a-fA-F0-9]+\\..+");
    }
    return isIpv6(host);
  }

  private static boolean isIpv6(String text) {
    String address = text;
    int scope = address.indexOf('%');
    if (scope >= 0) {
      if (scope == address.length() - 1) {
        return false;
      }
      address = address.substring(0, scope);
    }
    int groups = 0;
    String hex = address;
    int lastColon = address.lastIndexOf(':');
    if (lastColon >= 0 && address.indexOf('.', lastColon) >= 0) {
      if (!address.substring(lastColon + 1).matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
        return false;
      }
      hex = address.substring(0, lastColon + 1) + "0";
      groups = 1;
    }
    int compressed = hex.indexOf("::");
    if (compressed >= 0 && hex.indexOf("::", compressed + 1) >= 0) {
      return false;
    }
    String[] parts = (compressed >= 0 ? hex.replace("::", ":x:") : hex).split(":", -1);
    int explicit = groups;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.equals("x") && compressed >= 0) {
        continue;
      }
      if (part.isEmpty() && ((i == 0 && hex.startsWith("::")) || (i == parts.length - 1 && hex.endsWith("::")))) {
        continue;
      }
      if (!part.matches("[0-9a-fA-F]{1,4}")) {
        return false;
      }
      explicit++;
    }
    return compressed >= 0 ? explicit <= 7 : explicit == 8;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
