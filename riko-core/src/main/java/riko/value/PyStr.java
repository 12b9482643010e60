package riko.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/**
 * Python's {@code str()} and {@code repr()} of riko values, which leak into riko's output
 * wherever it stringifies: {@code null} is {@code None}, booleans are {@code True}/{@code False},
 * floats use Python's repr ({@code 12.0}, {@code 1e+16}, {@code nan}), lists and maps use Python
 * repr with single quotes.
 */
public final class PyStr {

  private static final DateTimeFormatter PY_DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private PyStr() {}

  /** Python's {@code str(value)}. */
  public static String str(@Nullable Object value) {
    if (value instanceof String s) {
      return s;
    }
    return repr(value, false);
  }

  /** Python's {@code repr(value)}. */
  public static String repr(@Nullable Object value) {
    return repr(value, true);
  }

  private static String repr(@Nullable Object value, boolean quoteStrings) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String s) {
      return quoteStrings ? quote(s) : s;
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
      return d.toString();
    }
    if (value instanceof Item item) {
      return item.isRaw() ? repr(item.rawValue(), quoteStrings) : mapRepr(item.asMap());
    }
    if (value instanceof Map<?, ?> map) {
      return mapRepr(map);
    }
    if (value instanceof Collection<?> list) {
      StringBuilder out = new StringBuilder("[");
      Iterator<?> it = list.iterator();
      while (it.hasNext()) {
        out.append(repr(it.next(), true));
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      return out.append(']').toString();
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
    return value.toString();
  }

  private static String mapRepr(Map<?, ?> map) {
    StringBuilder out = new StringBuilder("{");
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      out.append(repr(e.getKey(), true)).append(": ").append(repr(e.getValue(), true));
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    return out.append('}').toString();
  }

  private static String dateTimeStr(OffsetDateTime value) {
    String base = value.toLocalDateTime().format(PY_DATETIME);
    if (value.getNano() != 0) {
      base += String.format(".%06d", value.getNano() / 1000);
    }
    String offset = value.getOffset().getId();
    return base + ("Z".equals(offset) ? "+00:00" : offset);
  }

  /** Python's {@code repr} of a string: single quotes unless the text holds one and no double quote. */
  static String quote(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == q) {
            out.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(q).toString();
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that round-trip, in positional notation for
   * decimal exponents from -4 to 15 and scientific ({@code 1e+16}, {@code 1.5e-05}) otherwise.
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
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = exact.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - exact.scale(); // decimal exponent of the first digit
    String sign = d < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
  }
}
