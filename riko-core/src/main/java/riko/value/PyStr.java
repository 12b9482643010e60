package riko.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/**
 * Python's {@code str()} and {@code repr()} of riko values, which leak into riko's output
 * wherever it stringifies.
 *
 * <table>
 *   <caption>str() and repr() by kind</caption>
 *   <tr><th>value</th><th>str</th><th>repr (inside lists and maps)</th></tr>
 *   <tr><td>null</td><td>{@code None}</td><td>{@code None}</td></tr>
 *   <tr><td>boolean</td><td>{@code True}, {@code False}</td><td>same</td></tr>
 *   <tr><td>float</td><td>{@code 12.0}, {@code 1e+16}, {@code 1.5e-05}, {@code nan}, {@code inf}</td><td>same</td></tr>
 *   <tr><td>decimal</td><td>its own digits: {@code 2.50}, {@code 1E+3}, {@code NaN}</td><td>{@code Decimal('2.50')}</td></tr>
 *   <tr><td>string</td><td>itself</td><td>{@code 'it'}, {@code "it's"}, escapes for {@code \n} and unprintables</td></tr>
 *   <tr><td>date</td><td>{@code 2020-01-02}</td><td>{@code datetime.date(2020, 1, 2)}</td></tr>
 *   <tr><td>date-time</td><td>{@code 2020-01-02 10:00:00+00:00}</td><td>{@code datetime.datetime(2020, 1, 2, 10, 0, tzinfo=datetime.timezone.utc)}</td></tr>
 *   <tr><td>time tuple</td><td colspan="2">{@code time.struct_time(tm_year=2014, tm_mon=12, ..., tm_isdst=0)}</td></tr>
 *   <tr><td>list, map</td><td colspan="2">{@code ['a', 1]}, {@code {'a': 1}} (elements by repr)</td></tr>
 * </table>
 *
 * <p>Python's repr of a date-time's zone depends on the library that made it; this class writes
 * {@code datetime.timezone.utc} for UTC, {@code datetime.timezone(datetime.timedelta(...))} for
 * other fixed offsets and {@code zoneinfo.ZoneInfo(key='...')} for regions. A time tuple's
 * {@code tm_isdst} is written as 0, as for the UTC tuples of feed dates.
 */
public final class PyStr {

  private static final DateTimeFormatter PY_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private PyStr() {}

  /** Python's {@code str(value)}. */
  public static String str(@Nullable Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Item item && item.isRaw()) {
      return str(item.rawValue());
    }
    if (value instanceof BigDecimal d) {
      return d.toString();
    }
    if (value == DecimalNaN.INSTANCE) {
      return "NaN";
    }
    if (value instanceof ZonedDateTime z) {
      return dateTimeStr(z.toOffsetDateTime());
    }
    if (value instanceof OffsetDateTime o) {
      return dateTimeStr(o);
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    return repr(value);
  }

  /** Python's {@code repr(value)}. */
  public static String repr(@Nullable Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double d) {
      return floatRepr(d);
    }
    if (value instanceof Float f) {
      return floatRepr(f.doubleValue());
    }
    if (value instanceof BigDecimal d) {
      return "Decimal('" + d + "')";
    }
    if (value == DecimalNaN.INSTANCE) {
      return "Decimal('NaN')";
    }
    if (value instanceof Item item) {
      return item.isRaw() ? repr(item.rawValue()) : mapRepr(item.asMap());
    }
    if (value instanceof Map<?, ?> map) {
      return mapRepr(map);
    }
    if (value instanceof Collection<?> list) {
      StringBuilder out = new StringBuilder("[");
      Iterator<?> it = list.iterator();
      while (it.hasNext()) {
        out.append(repr(it.next()));
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      return out.append(']').toString();
    }
    if (value instanceof ZonedDateTime z) {
      return dateTimeRepr(z);
    }
    if (value instanceof OffsetDateTime o) {
      return dateTimeRepr(o.toZonedDateTime());
    }
    if (value instanceof LocalDate d) {
      return "datetime.date(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ")";
    }
    if (value instanceof TimeTuple t) {
      return structTime(t);
    }
    return value.toString();
  }

  private static String mapRepr(Map<?, ?> map) {
    StringBuilder out = new StringBuilder("{");
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      out.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    return out.append('}').toString();
  }

  private static String dateTimeStr(OffsetDateTime value) {
    return isoFormat(value, ' ');
  }

  /**
   * Python's {@code datetime.isoformat(separator)}: {@code YYYY-MM-DD<sep>HH:MM:SS}, then
   * {@code .ffffff} when there are microseconds, then the offset ({@code +00:00} for UTC).
   */
  public static String isoFormat(OffsetDateTime value, char separator) {
    String base = value.toLocalDate() + String.valueOf(separator) + value.toLocalTime().withNano(0).format(PY_TIME);
    if (value.getNano() / 1000 != 0) {
      base += String.format(".%06d", value.getNano() / 1000);
    }
    return base + offset(value.getOffset());
  }


  /** Python's {@code +HH:MM} (or {@code +HH:MM:SS}) form of an offset; UTC is {@code +00:00}. */
  static String offset(ZoneOffset offset) {
    String id = offset.getId();
    return "Z".equals(id) ? "+00:00" : id;
  }

  private static String dateTimeRepr(ZonedDateTime z) {
    StringBuilder out = new StringBuilder("datetime.datetime(")
        .append(z.getYear()).append(", ").append(z.getMonthValue()).append(", ").append(z.getDayOfMonth())
        .append(", ").append(z.getHour()).append(", ").append(z.getMinute());
    int micros = z.getNano() / 1000;
    if (z.getSecond() != 0 || micros != 0) {
      out.append(", ").append(z.getSecond());
    }
    if (micros != 0) {
      out.append(", ").append(micros);
    }
    out.append(", tzinfo=");
    if (z.getZone() instanceof ZoneOffset fixed) {
      int seconds = fixed.getTotalSeconds();
      if (seconds == 0) {
        out.append("datetime.timezone.utc");
      } else {
        int days = Math.floorDiv(seconds, 86_400);
        int rest = Math.floorMod(seconds, 86_400);
        out.append("datetime.timezone(datetime.timedelta(")
            .append(days != 0 ? "days=" + days + ", " : "")
            .append("seconds=").append(rest).append("))");
      }
    } else {
      out.append("zoneinfo.ZoneInfo(key=").append(quote(z.getZone().getId())).append(')');
    }
    return out.append(')').toString();
  }

  private static String structTime(TimeTuple t) {
    LocalDateTime u = t.utc();
    return "time.struct_time(tm_year=" + u.getYear() + ", tm_mon=" + u.getMonthValue() + ", tm_mday="
        + u.getDayOfMonth() + ", tm_hour=" + u.getHour() + ", tm_min=" + u.getMinute() + ", tm_sec="
        + u.getSecond() + ", tm_wday=" + (u.getDayOfWeek().getValue() - 1) + ", tm_yday=" + u.getDayOfYear()
        + ", tm_isdst=0)";
  }

  /**
   * Python's {@code repr} of a string: single quotes unless the text holds one and no double
   * quote; backslash, the quote, {@code \t \n \r} escaped; characters Python does not print
   * (controls, format characters, separators other than the space, unassigned code points) as
   * {@code \xNN}, <code>&#92;uNNNN</code> or {@code \UNNNNNNNN}.
   */
  static String quote(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (cp == q) {
            out.append('\\').append((char) cp);
          } else if (isPrintable(cp)) {
            out.appendCodePoint(cp);
          } else if (cp < 0x100) {
            out.append(String.format("\\x%02x", cp));
          } else if (cp < 0x10000) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
    return out.append(q).toString();
  }

  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that read back as the same double (the
   * nearest such when several exist), in positional notation when the decimal exponent is
   * between -5 and 16 ({@code 0.0001}, {@code 1234567890123456.0}) and scientific otherwise
   * ({@code 1e+16}, {@code 1.5e-05}, {@code 5e-324}).
   */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(Math.abs(d)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int point = digits.length() - shortest.scale(); // the value is 0.<digits> x 10^point
    String sign = d < 0 ? "-" : "";
    if (point > -4 && point <= 16) {
      if (point <= 0) {
        return sign + "0." + "0".repeat(-point) + digits;
      }
      if (point >= digits.length()) {
        return sign + digits + "0".repeat(point - digits.length()) + ".0";
      }
      return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int exponent = point - 1;
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
  }

  /** The shortest decimal that reads back as {@code d} (positive, finite), nearest to it among equals. */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (readsBack(nearest, d)) {
        return nearest;
      }
      // Around a power of two the doubles' spacing changes, so a farther decimal may still read back.
      BigDecimal unit = nearest.ulp();
      BigDecimal best = null;
      for (BigDecimal candidate : new BigDecimal[] {nearest.subtract(unit), nearest.add(unit)}) {
        if (candidate.signum() > 0 && candidate.precision() <= precision && readsBack(candidate, d)
            && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = candidate;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static boolean readsBack(BigDecimal decimal, double d) {
    return Double.parseDouble(decimal.toString()) == d;
  }
}
