package riko.value;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code strftime} as riko runs it: CPython 3.12's {@code datetime.strftime} on Linux,
 * which handles {@code %z %:z %Z %f} itself and hands the rest to glibc's {@code strftime} in the
 * C locale (English names, US formats).
 *
 * <pre>{@code
 * Strftime.format(LocalDate.of(2015, 5, 4), "%A, %b %d, %y")   // "Monday, May 04, 15"
 * Strftime.format(LocalDate.of(2015, 5, 4), "%c")              // "Mon May  4 00:00:00 2015"
 * }</pre>
 *
 * <p><b>Values.</b> A {@link LocalDate} is Python's {@code date} (midnight, naive); a {@link
 * LocalDateTime} a naive {@code datetime}; an {@link OffsetDateTime}, or a {@link ZonedDateTime}
 * whose zone is an offset, a {@code datetime} with a fixed-offset {@code timezone}; any other
 * {@link ZonedDateTime} a {@code datetime} with a {@code zoneinfo} zone. Fields print as the
 * value's own wall-clock time; nothing is converted to another zone.
 *
 * <p><b>Directives.</b>
 *
 * <table>
 *   <caption>Conversions (C locale)</caption>
 *   <tr><th>Directive</th><th>Meaning</th><th>2015-05-04 13:05:09</th></tr>
 *   <tr><td>{@code %a %A}</td><td>weekday name, abbreviated / full</td><td>{@code Mon Monday}</td></tr>
 *   <tr><td>{@code %b %h %B}</td><td>month name, abbreviated / full</td><td>{@code May May May}</td></tr>
 *   <tr><td>{@code %c}</td><td>{@code %a %b %e %H:%M:%S %Y}</td><td>{@code Mon May  4 13:05:09 2015}</td></tr>
 *   <tr><td>{@code %C %y %Y}</td><td>century, year in century (2 digits), year (no padding)</td><td>{@code 20 15 2015}</td></tr>
 *   <tr><td>{@code %d %e}</td><td>day of month, zero / space padded</td><td>{@code 04} and {@code " 4"}</td></tr>
 *   <tr><td>{@code %D %x}</td><td>{@code %m/%d/%y}</td><td>{@code 05/04/15}</td></tr>
 *   <tr><td>{@code %F}</td><td>{@code %Y-%m-%d}</td><td>{@code 2015-05-04}</td></tr>
 *   <tr><td>{@code %f}</td><td>microseconds, 6 digits (Python)</td><td>{@code 000000}</td></tr>
 *   <tr><td>{@code %G %g %V}</td><td>ISO 8601 week-based year, its last 2 digits, ISO week</td><td>{@code 2015 15 19}</td></tr>
 *   <tr><td>{@code %H %k}</td><td>hour 00-23, zero / space padded</td><td>{@code 13 13}</td></tr>
 *   <tr><td>{@code %I %l}</td><td>hour 01-12, zero / space padded</td><td>{@code 01} and {@code " 1"}</td></tr>
 *   <tr><td>{@code %j}</td><td>day of the year, 3 digits</td><td>{@code 124}</td></tr>
 *   <tr><td>{@code %m %M %S}</td><td>month, minute, second (2 digits)</td><td>{@code 05 05 09}</td></tr>
 *   <tr><td>{@code %n %t %%}</td><td>newline, tab, percent sign</td><td></td></tr>
 *   <tr><td>{@code %p %P}</td><td>{@code AM}/{@code PM}, {@code am}/{@code pm}</td><td>{@code PM pm}</td></tr>
 *   <tr><td>{@code %r %R %T %X}</td><td>{@code %I:%M:%S %p}, {@code %H:%M}, {@code %H:%M:%S}, {@code %H:%M:%S}</td><td>{@code 01:05:09 PM}, ...</td></tr>
 *   <tr><td>{@code %s}</td><td>seconds since the epoch of the wall-clock time read as UTC (Python under {@code TZ=UTC})</td><td>{@code 1430744709}</td></tr>
 *   <tr><td>{@code %u %w}</td><td>weekday, Monday=1..7 / Sunday=0..6</td><td>{@code 1 1}</td></tr>
 *   <tr><td>{@code %U %W}</td><td>week of the year, weeks starting Sunday / Monday, days before the first such day in week 0</td><td>{@code 18 18}</td></tr>
 *   <tr><td>{@code %z %:z}</td><td>UTC offset {@code +HHMM} / {@code +HH:MM} ({@code SS} added when not 0); empty when naive</td><td>{@code +0000}</td></tr>
 *   <tr><td>{@code %Z}</td><td>zone name: empty when naive; {@code UTC} for UTC, {@code UTC+02:00} for other fixed offsets, the zone's English abbreviation ({@code EST}, {@code GMT}) otherwise</td><td>{@code UTC}</td></tr>
 * </table>
 *
 * <p>glibc's flags work as on Linux: {@code -} (no padding), {@code _} (pad with spaces),
 * {@code 0} (pad with zeros), {@code ^} (upper case), {@code #} (swap case: names upper, AM/PM
 * and zone lower), then a field width ({@code %10A}, {@code %-d}, {@code %_5Y}), then glibc's
 * {@code E}/{@code O} modifiers (no effect in the C locale, rejected where glibc rejects them).
 * An unknown or malformed directive is copied as written ({@code %Q} stays {@code %Q}, a lone
 * trailing {@code %} stays {@code %}), as Python on Linux does. Python quirks kept: only the
 * exact {@code %z %:z %Z %f} are Python's (a flagged {@code %5z} or {@code %^Z} goes to glibc,
 * which sees no zone for naive and fixed-offset values and the process zone, UTC, otherwise);
 * the format stops at a NUL character; and a result too long for CPython's buffer (1024 bytes,
 * or 256 bytes per format byte when more) is the empty string. Years below 1000 are not padded
 * by {@code %Y} and {@code %G} ({@code 999}); only CPython releases after 3.12.1 pad them.
 */
public final class Strftime {

  private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private Strftime() {}

  /**
   * Formats {@code value} as Python's {@code value.strftime(format)} does on Linux.
   *
   * @param value a {@link LocalDate}, {@link LocalDateTime}, {@link OffsetDateTime} or
   *     {@link ZonedDateTime}
   * @param format a C/Python {@code strftime} format
   * @throws IllegalArgumentException for any other kind of value
   */
  public static String format(TemporalAccessor value, String format) {
    BrokenDown time = BrokenDown.of(value);
    String glibcFormat = pythonPass(format, time);
    int nul = glibcFormat.indexOf('\0');
    if (nul >= 0) {
      glibcFormat = glibcFormat.substring(0, nul);
    }
    int limit = bufferSize(glibcFormat.getBytes(StandardCharsets.UTF_8).length);
    StringBuilder out = new StringBuilder();
    glibc(glibcFormat, time, out, limit);
    String result = out.toString();
    return result.getBytes(StandardCharsets.UTF_8).length < limit ? result : "";
  }

  /** CPython tries buffers of 1024, 2048, ... bytes until one is at least 256 bytes per format byte. */
  private static int bufferSize(int formatBytes) {
    long size = 1024;
    while (size < 256L * formatBytes) {
      size += size;
    }
    return (int) Math.min(size, Integer.MAX_VALUE);
  }

  /** Python's own pass: replaces the exact {@code %z %:z %Z %f}, copies everything else. */
  private static String pythonPass(String format, BrokenDown time) {
    StringBuilder out = new StringBuilder(format.length() + 8);
    int n = format.length();
    int i = 0;
    while (i < n) {
      char c = format.charAt(i++);
      if (c != '%' || i == n) {
        out.append(c);
        continue;
      }
      char ch = format.charAt(i++);
      if (ch == 'z') {
        out.append(time.offsetText(""));
      } else if (ch == ':' && i < n && format.charAt(i) == 'z') {
        i++;
        out.append(time.offsetText(":"));
      } else if (ch == 'Z') {
        out.append(time.zoneName().replace("%", "%%"));
      } else if (ch == 'f') {
        out.append(String.format(Locale.ROOT, "%06d", time.micro));
      } else {
        out.append('%').append(ch);
      }
    }
    return out.toString();
  }

  /** glibc's {@code strftime} in the C locale. */
  private static void glibc(String format, BrokenDown t, StringBuilder out, int limit) {
    int n = format.length();
    int i = 0;
    while (i < n) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      int start = i++;
      Spec spec = new Spec();
      flags:
      while (i < n) {
        switch (format.charAt(i)) {
          case '_', '-', '0' -> spec.pad = format.charAt(i);
          case '^' -> spec.upper = true;
          case '#' -> spec.swapCase = true;
          default -> {
            break flags;
          }
        }
        i++;
      }
      if (i < n && isDigit(format.charAt(i))) {
        long width = 0;
        while (i < n && isDigit(format.charAt(i))) {
          width = Math.min(width * 10 + (format.charAt(i) - '0'), limit);
          i++;
        }
        spec.width = (int) width;
      }
      char modifier = 0;
      if (i < n && (format.charAt(i) == 'E' || format.charAt(i) == 'O')) {
        modifier = format.charAt(i++);
      }
      if (i >= n) {
        // A directive cut short by the end of the format is copied as written.
        spec.text(out, format.substring(start, n));
        break;
      }
      char conversion = format.charAt(i++);
      if (!convert(conversion, modifier, spec, t, out, limit)) {
        spec.text(out, format.substring(start, i));
      }
    }
  }

  /** One directive; {@code false} when glibc does not know it (with that modifier). */
  private static boolean convert(char conversion, char modifier, Spec spec, BrokenDown t, StringBuilder out, int limit) {
    boolean noE = modifier != 'E';
    boolean noO = modifier != 'O';
    switch (conversion) {
      case '%' -> spec.text(out, "%");
      case 'n' -> spec.text(out, "\n");
      case 't' -> spec.text(out, "\t");
      case 'a', 'A' -> {
        if (modifier != 0) {
          return false;
        }
        spec.name(out, conversion == 'a' ? DAYS[t.weekday].substring(0, 3) : DAYS[t.weekday]);
      }
      case 'b', 'h', 'B' -> {
        spec.namesInUpperCase();
        if (!noE) {
          return false; // glibc switches the case before it rejects the modifier
        }
        spec.name(out, conversion == 'B' ? MONTHS[t.month - 1] : MONTHS[t.month - 1].substring(0, 3));
      }
      case 'p', 'P' -> {
        if (conversion == 'P' || spec.swapCase) {
          spec.lower = true;
        }
        if (spec.swapCase) {
          spec.upper = false;
        }
        spec.text(out, t.hour < 12 ? "AM" : "PM");
      }
      case 'c' -> {
        if (!noO) {
          return false;
        }
        spec.sub(out, "%a %b %e %H:%M:%S %Y", t, limit);
      }
      case 'x', 'X' -> {
        if (!noO) {
          return false;
        }
        spec.sub(out, conversion == 'x' ? "%m/%d/%y" : "%H:%M:%S", t, limit);
      }
      case 'D', 'F' -> {
        if (modifier != 0) {
          return false;
        }
        spec.sub(out, conversion == 'D' ? "%m/%d/%y" : "%Y-%m-%d", t, limit);
      }
      case 'r' -> spec.sub(out, "%I:%M:%S %p", t, limit);
      case 'R' -> spec.sub(out, "%H:%M", t, limit);
      case 'T' -> spec.sub(out, "%H:%M:%S", t, limit);
      case 'C' -> spec.number(out, 1, Math.floorDiv(t.year, 100));
      case 'y' -> spec.number(out, 2, Math.floorMod(t.year, 100));
      case 'Y' -> {
        if (!noO) {
          return false;
        }
        spec.number(out, 1, t.year);
      }
      case 's' -> spec.unpaddedNumber(out, t.wallClockEpochSecond());
      case 'u' -> spec.number(out, 1, t.weekday == 0 ? 7 : t.weekday);
      case 'z' -> {
        if (t.isDst < 0) {
          return true; // glibc prints nothing, not even the width
        }
        spec.text(out, "+"); // glibc sees the process zone (UTC): offset 0
        spec.number(out, 4, 0);
      }
      case 'Z' -> {
        if (spec.swapCase) {
          spec.upper = false;
          spec.lower = true;
        }
        spec.text(out, t.isDst < 0 ? "" : "UTC");
      }
      default -> {
        if (!noE) {
          return false;
        }
        return number(conversion, spec, t, out);
      }
    }
    return true;
  }

  /** The numeric directives that refuse the {@code E} modifier. */
  private static boolean number(char conversion, Spec spec, BrokenDown t, StringBuilder out) {
    switch (conversion) {
      case 'd' -> spec.number(out, 2, t.day);
      case 'e' -> spec.spacePadded(out, t.day);
      case 'g' -> spec.number(out, 2, Math.floorMod(t.isoYear, 100));
      case 'G' -> spec.number(out, 1, t.isoYear);
      case 'H' -> spec.number(out, 2, t.hour);
      case 'I' -> spec.number(out, 2, t.hour12());
      case 'j' -> spec.number(out, 3, t.dayOfYear + 1);
      case 'k' -> spec.spacePadded(out, t.hour);
      case 'l' -> spec.spacePadded(out, t.hour12());
      case 'm' -> spec.number(out, 2, t.month);
      case 'M' -> spec.number(out, 2, t.minute);
      case 'S' -> spec.number(out, 2, t.second);
      case 'U' -> spec.number(out, 2, (t.dayOfYear - t.weekday + 7) / 7);
      case 'V' -> spec.number(out, 2, t.isoWeek);
      case 'w' -> spec.number(out, 1, t.weekday);
      case 'W' -> spec.number(out, 2, (t.dayOfYear - (t.weekday + 6) % 7 + 7) / 7);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The flags and width of one directive, and glibc's ways of writing its output. */
  private static final class Spec {
    char pad;
    int width = -1;
    boolean upper;
    boolean lower;
    boolean swapCase;

    /** Text, case-converted, left-padded to the width (zeros only with the {@code 0} flag). */
    void text(StringBuilder out, String text) {
      String cased = lower ? text.toLowerCase(Locale.ROOT) : upper ? text.toUpperCase(Locale.ROOT) : text;
      padTo(out, cased.length());
      out.append(cased);
    }

    /** A day or month name: {@code #} means upper case. */
    void name(StringBuilder out, String name) {
      namesInUpperCase();
      text(out, name);
    }

    void namesInUpperCase() {
      if (swapCase) {
        upper = true;
        lower = false;
      }
    }

    /** A sub-format ({@code %c}, {@code %D}, ...) expanded without flags, then padded and upper-cased. */
    void sub(StringBuilder out, String format, BrokenDown t, int limit) {
      StringBuilder expanded = new StringBuilder();
      glibc(format, t, expanded, limit);
      padTo(out, expanded.length());
      out.append(upper ? expanded.toString().toUpperCase(Locale.ROOT) : expanded);
    }

    /** A number padded to at least {@code digits} (or the width): zeros unless {@code _} or {@code -}. */
    void number(StringBuilder out, int digits, long value) {
      String text = Long.toString(value);
      int wanted = Math.max(digits, width);
      if (pad != '-' && text.length() < wanted) {
        text = String.valueOf(pad == '_' ? ' ' : '0').repeat(wanted - text.length()) + text;
      }
      padTo(out, text.length());
      out.append(text);
    }

    /** {@code %s}: the width pads with spaces, or zeros with the {@code 0} flag. */
    void unpaddedNumber(StringBuilder out, long value) {
      String text = Long.toString(value);
      padTo(out, text.length());
      out.append(text);
    }

    /** {@code %e %k %l}: space padding unless the {@code 0} or {@code -} flag says otherwise. */
    void spacePadded(StringBuilder out, long value) {
      if (pad != '0' && pad != '-') {
        pad = '_';
      }
      number(out, 2, value);
    }

    private void padTo(StringBuilder out, int length) {
      if (width > length) {
        out.append(String.valueOf(pad == '0' ? '0' : ' ').repeat(width - length));
      }
    }
  }

  /** The fields of Python's time tuple, plus what Python knows of the zone. */
  private static final class BrokenDown {
    final LocalDateTime wallClock;
    final int year;
    final int month;
    final int day;
    final int hour;
    final int minute;
    final int second;
    final int micro;
    /** Sunday = 0. */
    final int weekday;
    /** 0-based. */
    final int dayOfYear;
    final int isoYear;
    final int isoWeek;
    /** Python's {@code tm_isdst}: -1 when the value has no zone or a fixed offset. */
    final int isDst;
    final @Nullable ZoneOffset offset;
    /** The value, when its zone is a region rather than a fixed offset. */
    final @Nullable ZonedDateTime region;

    private BrokenDown(LocalDateTime wallClock, @Nullable ZoneOffset offset, @Nullable ZonedDateTime region, int isDst) {
      this.wallClock = wallClock;
      this.year = wallClock.getYear();
      this.month = wallClock.getMonthValue();
      this.day = wallClock.getDayOfMonth();
      this.hour = wallClock.getHour();
      this.minute = wallClock.getMinute();
      this.second = wallClock.getSecond();
      this.micro = wallClock.getNano() / 1000;
      this.weekday = wallClock.getDayOfWeek().getValue() % 7;
      this.dayOfYear = wallClock.getDayOfYear() - 1;
      this.isoYear = wallClock.toLocalDate().get(IsoFields.WEEK_BASED_YEAR);
      this.isoWeek = wallClock.toLocalDate().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      this.offset = offset;
      this.region = region;
      this.isDst = isDst;
    }

    static BrokenDown of(TemporalAccessor value) {
      if (value instanceof LocalDate date) {
        return new BrokenDown(date.atStartOfDay(), null, null, -1);
      }
      if (value instanceof LocalDateTime dateTime) {
        return new BrokenDown(dateTime, null, null, -1);
      }
      if (value instanceof OffsetDateTime dateTime) {
        return new BrokenDown(dateTime.toLocalDateTime(), dateTime.getOffset(), null, -1);
      }
      if (value instanceof ZonedDateTime dateTime) {
        if (dateTime.getZone() instanceof ZoneOffset) {
          return new BrokenDown(dateTime.toLocalDateTime(), dateTime.getOffset(), null, -1);
        }
        boolean dst = dateTime.getZone().getRules().isDaylightSavings(dateTime.toInstant());
        return new BrokenDown(dateTime.toLocalDateTime(), dateTime.getOffset(), dateTime, dst ? 1 : 0);
      }
      throw new IllegalArgumentException(
          "strftime formats a LocalDate, LocalDateTime, OffsetDateTime or ZonedDateTime, not " + value.getClass().getName());
    }

    int hour12() {
      return hour % 12 == 0 ? 12 : hour % 12;
    }

    /** glibc's {@code mktime} under {@code TZ=UTC}: the wall clock as UTC, an hour earlier when Python says DST. */
    long wallClockEpochSecond() {
      return wallClock.toEpochSecond(ZoneOffset.UTC) - (isDst > 0 ? 3600 : 0);
    }

    /** Python's {@code %z} ({@code sep} empty) or {@code %:z} ({@code sep} a colon). */
    String offsetText(String sep) {
      if (offset == null) {
        return "";
      }
      int total = offset.getTotalSeconds();
      int abs = Math.abs(total);
      String text = String.format(Locale.ROOT, "%s%02d%s%02d", total < 0 ? "-" : "+", abs / 3600, sep, abs / 60 % 60);
      return abs % 60 == 0 ? text : text + sep + String.format(Locale.ROOT, "%02d", abs % 60);
    }

    /** Python's {@code tzname()}. */
    String zoneName() {
      if (offset == null) {
        return "";
      }
      if (region == null) {
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offsetText(":");
      }
      return ZONE_ABBREVIATION.format(region);
    }
  }
}
