package riko.value;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The free-form date parser riko delegates to: python-dateutil's {@code parser.parse(text,
 * tzinfos=...)} (default options: month before day, year last, not fuzzy), followed by riko's
 * zone rule. Reimplemented from dateutil's documented behaviour so that the same strings parse
 * to the same values, and the same strings fail.
 *
 * <p>How a string is read, in short: it is split into runs of letters, runs of digits (with
 * {@code .} or {@code ,} decimals) and single other characters; month and weekday names
 * ({@code Jan}, {@code Sept}, {@code Monday}), {@code am/pm}, time-zone names and numeric offsets
 * are recognised; separators ({@code , . - / ;}, spaces, {@code at on and of st nd rd th t m})
 * are skipped; any other word makes the string unparsable. Up to three date numbers are then
 * assigned to year, month and day: a number above 31 or written with three or more digits is
 * a year, a month name fixes the month, and otherwise the order is month, day, year
 * ({@code 5/4/82} is 4 May 1982). Fields the text does not give come from today at midnight
 * (so {@code "Jan 2001"} takes today's day of the month, clamped to the month's length, and a
 * lone weekday name moves forward to that weekday).
 *
 * <p><b>Two-digit years.</b> A year written with one or two digits (and no century: {@code 82}
 * but not {@code 0082}) is placed within 50 years of the current year, as dateutil does: the
 * current century is added, then 100 is subtracted when the result is 50 or more years ahead,
 * or added when it is more than 50 years behind. In 2026, {@code 00}-{@code 75} mean
 * 2000-2075 and {@code 76}-{@code 99} mean 1976-1999.
 *
 * <p><b>Zones.</b> A zone name found after a time is looked up in {@link #ZONES}: {@code UTC},
 * {@code GMT}, {@code Z}, the US abbreviations ({@code EST}, {@code EDT}, {@code CST}, ...,
 * {@code PDT}, {@code AKST}, {@code HST} → the US regions) and a few common others. The wall-clock
 * time is kept and the region's rules give the offset. A numeric offset ({@code +0530},
 * {@code -05:00}) that carries no name is dropped: the wall-clock time is kept as UTC (riko
 * QUIRK). An offset of zero reads as UTC. An unknown zone name is ignored (the time is UTC).
 * DIVERGENCE: riko builds its name table at start-up from the abbreviations the world's zones
 * use on that day, so its answer for names such as {@code CET} or {@code EST} depends on the
 * season; this port uses the fixed table above.
 *
 * <p>Unparsable: text without any date or time field, unknown words, impossible dates
 * ({@code Feb 30}), years outside 1-9999 (so a long digit-only string such as
 * {@code "1181230100"} fails: it would be the year 1181230100).
 */
final class FreeFormDate {

  /**
   * The zone names understood after a time, with the region whose rules give the offset. The
   * boolean tells whether the name is a daylight-saving one, which picks the offset when a
   * wall-clock time occurs twice.
   */
  static final Map<String, NamedZone> ZONES = Map.ofEntries(
      Map.entry("UTC", new NamedZone(ZoneOffset.UTC, false)),
      Map.entry("GMT", new NamedZone(ZoneId.of("GMT"), false)),
      Map.entry("EST", new NamedZone(ZoneId.of("US/Eastern"), false)),
      Map.entry("EDT", new NamedZone(ZoneId.of("US/Eastern"), true)),
      Map.entry("CST", new NamedZone(ZoneId.of("US/Central"), false)),
      Map.entry("CDT", new NamedZone(ZoneId.of("US/Central"), true)),
      Map.entry("MST", new NamedZone(ZoneId.of("US/Mountain"), false)),
      Map.entry("MDT", new NamedZone(ZoneId.of("US/Mountain"), true)),
      Map.entry("PST", new NamedZone(ZoneId.of("US/Pacific"), false)),
      Map.entry("PDT", new NamedZone(ZoneId.of("US/Pacific"), true)),
      Map.entry("AKST", new NamedZone(ZoneId.of("US/Alaska"), false)),
      Map.entry("AKDT", new NamedZone(ZoneId.of("US/Alaska"), true)),
      Map.entry("HST", new NamedZone(ZoneId.of("US/Hawaii"), false)),
      Map.entry("BST", new NamedZone(ZoneId.of("Europe/London"), true)),
      Map.entry("CET", new NamedZone(ZoneId.of("Europe/Paris"), false)),
      Map.entry("CEST", new NamedZone(ZoneId.of("Europe/Paris"), true)),
      Map.entry("JST", new NamedZone(ZoneId.of("Asia/Tokyo"), false)),
      Map.entry("AEST", new NamedZone(ZoneId.of("Australia/Sydney"), false)),
      Map.entry("AEDT", new NamedZone(ZoneId.of("Australia/Sydney"), true)));

  /** A zone name's region, and whether the name denotes daylight-saving time. */
  record NamedZone(ZoneId zone, boolean daylight) {}

  private static final Set<String> SEPARATORS = Set.of(
      " ", ".", ",", ";", "-", "/", "'", "at", "on", "and", "ad", "m", "t", "of", "st", "nd", "rd", "th");
  private static final Map<String, Integer> WEEKDAYS = names(
      new String[][] {{"mon", "monday"}, {"tue", "tuesday"}, {"wed", "wednesday"}, {"thu", "thursday"},
          {"fri", "friday"}, {"sat", "saturday"}, {"sun", "sunday"}});
  private static final Map<String, Integer> MONTHS = names(
      new String[][] {{"jan", "january"}, {"feb", "february"}, {"mar", "march"}, {"apr", "april"}, {"may"},
          {"jun", "june"}, {"jul", "july"}, {"aug", "august"}, {"sep", "sept", "september"}, {"oct", "october"},
          {"nov", "november"}, {"dec", "december"}});
  private static final Map<String, Integer> HMS = names(
      new String[][] {{"h", "hour", "hours"}, {"m", "minute", "minutes"}, {"s", "second", "seconds"}});
  private static final Map<String, Integer> AMPM = names(new String[][] {{"am", "a"}, {"pm", "p"}});
  private static final Set<String> UTC_NAMES = Set.of("UTC", "GMT", "Z", "z");

  private FreeFormDate() {}

  private static Map<String, Integer> names(String[][] groups) {
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < groups.length; i++) {
      for (String name : groups[i]) {
        map.put(name, i);
      }
    }
    return Map.copyOf(map);
  }

  /**
   * Parses {@code text}; fields it lacks come from today (UTC) at midnight, two-digit years are
   * placed around the current year.
   *
   * @return a date-time whose zone is UTC, GMT, a region from {@link #ZONES}, or a fixed offset
   *     that the text named ({@code -0300 (BRST)}); empty when dateutil would fail
   */
  static Optional<ZonedDateTime> parse(String text, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    try {
      Fields fields = new Reader(Lexer.split(text), today.getYear()).read();
      if (fields.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(fields.zoned(fields.naive(today)));
    } catch (NotADate | DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** The parse failed; carries no stack trace (it is control flow, as in dateutil). */
  private static final class NotADate extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotADate() {
      super(null, null, false, false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Lexer: letters, digits (with . or , decimals) and single other characters.

  /** dateutil's tokenizer. */
  static final class Lexer {
    private enum State { NONE, WORD, NUMBER, WORD_DOT, NUMBER_DOT }

    private final String text;
    private int pos;
    private final List<String> pending = new ArrayList<>();

    private Lexer(String text) {
      this.text = text;
    }

    static List<String> split(String text) {
      Lexer lexer = new Lexer(text);
      List<String> tokens = new ArrayList<>();
      for (String token = lexer.next(); token != null; token = lexer.next()) {
        tokens.add(token);
      }
      return tokens;
    }

    private @Nullable String next() {
      if (!pending.isEmpty()) {
        return pending.remove(0);
      }
      StringBuilder token = new StringBuilder();
      State state = State.NONE;
      boolean seenLetters = false;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '\0') {
          pos++;
          continue;
        }
        if (state == State.NONE) {
          pos++;
          token.append(c);
          if (isWord(c)) {
            state = State.WORD;
            continue;
          }
          if (isDigit(c)) {
            state = State.NUMBER;
            continue;
          }
          if (isSpace(c)) {
            token.setLength(0);
            token.append(' ');
          }
          break;
        }
        boolean taken = true;
        switch (state) {
          case WORD -> {
            seenLetters = true;
            if (c == '.') {
              state = State.WORD_DOT;
            } else if (!isWord(c)) {
              taken = false;
            }
          }
          case NUMBER -> {
            if (c == '.' || (c == ',' && token.length() >= 2)) {
              state = State.NUMBER_DOT;
            } else if (!isDigit(c)) {
              taken = false;
            }
          }
          case WORD_DOT -> {
            seenLetters = true;
            if (isDigit(c) && endsWithDot(token)) {
              state = State.NUMBER_DOT;
            } else if (c != '.' && !isWord(c)) {
              taken = false;
            }
          }
          case NUMBER_DOT -> {
            if (isWord(c) && endsWithDot(token)) {
              state = State.WORD_DOT;
            } else if (c != '.' && !isDigit(c)) {
              taken = false;
            }
          }
          default -> throw new IllegalStateException(state.name());
        }
        if (!taken) {
          break;
        }
        token.append(c);
        pos++;
      }
      if (token.length() == 0) {
        return null;
      }
      String result = token.toString();
      if ((state == State.WORD_DOT || state == State.NUMBER_DOT)
          && (seenLetters || count(result, '.') > 1 || result.endsWith(".") || result.endsWith(","))) {
        List<String> parts = splitDecimal(result);
        result = parts.get(0);
        for (String part : parts.subList(1, parts.size())) {
          if (!part.isEmpty()) {
            pending.add(part);
          }
        }
      }
      if (state == State.NUMBER_DOT && result.indexOf('.') < 0) {
        result = result.replace(',', '.');
      }
      return result;
    }

    /** Splits around each {@code .} and {@code ,}, keeping them: {@code Sep.20} is Sep, ., 20. */
    private static List<String> splitDecimal(String token) {
      List<String> parts = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c == '.' || c == ',') {
          parts.add(token.substring(start, i));
          parts.add(String.valueOf(c));
          start = i + 1;
        }
      }
      parts.add(token.substring(start));
      return parts;
    }

    private static boolean endsWithDot(StringBuilder token) {
      return token.length() > 0 && token.charAt(token.length() - 1) == '.';
    }

    private static int count(String s, char c) {
      int n = 0;
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == c) {
          n++;
        }
      }
      return n;
    }

    static boolean isWord(char c) {
      return Character.isLetter(c);
    }

    static boolean isDigit(char c) {
      return Character.isDigit(c);
    }

    static boolean isSpace(char c) {
      return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Year, month and day candidates.

  /** Up to three date numbers, with the positions known to be year, month or day. */
  private static final class Ymd {
    final List<Long> values = new ArrayList<>(3);
    boolean centurySpecified;
    @Nullable Integer yearAt;
    @Nullable Integer monthAt;
    @Nullable Integer dayAt;

    int size() {
      return values.size();
    }

    long get(int i) {
      return values.get(i < 0 ? values.size() + i : i);
    }

    /** A token as written: three or more digits make it a year with its century. */
    void addText(String token, @Nullable Character label) {
      Character actual = label;
      if (allDigits(token) && token.length() > 2) {
        centurySpecified = true;
        actual = year(label);
      }
      add(pyInt(token), actual);
    }

    /** A number read from a token: above 100 it is a year with its century. */
    void addNumber(BigDecimal value, @Nullable Character label) {
      Character actual = label;
      if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
        centurySpecified = true;
        actual = year(label);
      }
      add(truncate(value), actual);
    }

    /** A month found by name. */
    void addMonth(int month) {
      add(month, 'M');
    }

    private static Character year(@Nullable Character label) {
      if (label != null && label != 'Y') {
        throw new NotADate();
      }
      return 'Y';
    }

    private void add(long value, @Nullable Character label) {
      values.add(value);
      int at = values.size() - 1;
      if (label == null) {
        return;
      }
      switch (label) {
        case 'M' -> {
          if (monthAt != null) {
            throw new NotADate();
          }
          monthAt = at;
        }
        case 'D' -> {
          if (dayAt != null) {
            throw new NotADate();
          }
          dayAt = at;
        }
        default -> {
          if (yearAt != null) {
            throw new NotADate();
          }
          yearAt = at;
        }
      }
    }

    boolean couldBeDay(BigDecimal value) {
      if (dayAt != null) {
        return false;
      }
      long last;
      if (monthAt == null) {
        last = 31;
      } else {
        long month = values.get(monthAt);
        long year = yearAt == null ? 2000 : values.get(yearAt);
        last = monthLength(year, month);
      }
      return value.compareTo(BigDecimal.ONE) >= 0 && value.compareTo(BigDecimal.valueOf(last)) <= 0;
    }

    /** year, month, day (each possibly null), resolved month-first, year-last. */
    @Nullable Long[] resolve() {
      int n = values.size();
      int known = (yearAt != null ? 1 : 0) + (monthAt != null ? 1 : 0) + (dayAt != null ? 1 : 0);
      if ((n == known && known > 0) || (n == 3 && known == 2)) {
        return fromPositions();
      }
      Long year = null;
      Long month = null;
      Long day = null;
      if (n > 3) {
        throw new NotADate();
      } else if (n == 1 || (monthAt != null && n == 2)) {
        long other;
        if (monthAt != null) {
          month = values.get(monthAt);
          other = get(monthAt - 1);
        } else {
          other = values.get(0);
        }
        if (n > 1 || monthAt == null) {
          if (other > 31) {
            year = other;
          } else {
            day = other;
          }
        }
      } else if (n == 2) {
        if (values.get(0) > 31) {
          year = values.get(0);
          month = values.get(1);
        } else if (values.get(1) > 31) {
          month = values.get(0);
          year = values.get(1);
        } else {
          month = values.get(0);
          day = values.get(1);
        }
      } else if (n == 3) {
        long a = values.get(0);
        long b = values.get(1);
        long c = values.get(2);
        if (monthAt != null && monthAt == 0) {
          month = a;
          if (b > 31) {
            year = b;
            day = c;
          } else {
            day = b;
            year = c;
          }
        } else if (monthAt != null && monthAt == 1) {
          month = b;
          if (a > 31) {
            year = a;
            day = c;
          } else {
            day = a;
            year = c;
          }
        } else if (monthAt != null) {
          month = c;
          if (b > 31) {
            day = a;
            year = b;
          } else {
            year = a;
            day = b;
          }
        } else if (a > 31 || (yearAt != null && yearAt == 0)) {
          year = a;
          month = b;
          day = c;
        } else if (a > 12) {
          day = a;
          month = b;
          year = c;
        } else {
          month = a;
          day = b;
          year = c;
        }
      }
      return new Long[] {year, month, day};
    }

    private @Nullable Long[] fromPositions() {
      Integer y = yearAt;
      Integer m = monthAt;
      Integer d = dayAt;
      if (values.size() == 3 && (y == null ? 1 : 0) + (m == null ? 1 : 0) + (d == null ? 1 : 0) == 1) {
        int missing = 3 - (y == null ? 0 : y) - (m == null ? 0 : m) - (d == null ? 0 : d);
        if (y == null) {
          y = missing;
        } else if (m == null) {
          m = missing;
        } else {
          d = missing;
        }
      }
      return new Long[] {
        y == null ? null : values.get(y), m == null ? null : values.get(m), d == null ? null : values.get(d)};
    }
  }

  // ---------------------------------------------------------------------------------------------
  // What the text said.

  /** The fields found in the text; any may be missing. */
  private static final class Fields {
    @Nullable Long year;
    @Nullable Long month;
    @Nullable Long day;
    @Nullable Integer weekday;
    @Nullable Integer hour;
    @Nullable Integer minute;
    @Nullable Integer second;
    @Nullable Integer microsecond;
    @Nullable String zoneName;
    @Nullable Integer offsetSeconds;
    @Nullable Integer ampm;

    boolean isEmpty() {
      return year == null && month == null && day == null && weekday == null && hour == null && minute == null
          && second == null && microsecond == null && zoneName == null && offsetSeconds == null && ampm == null;
    }

    /** The fields laid over today at midnight, as dateutil's {@code default}. */
    LocalDateTime naive(LocalDate today) {
      long y = year != null ? year : today.getYear();
      long m = month != null ? month : today.getMonthValue();
      long d = day != null ? day : today.getDayOfMonth();
      if (y < 1 || y > 9999 || m < 1 || m > 12) {
        throw new NotADate();
      }
      if (day == null) {
        d = Math.min(d, monthLength(y, m));
      }
      LocalDateTime naive = LocalDateTime.of((int) y, (int) m, (int) d,
          hour == null ? 0 : hour, minute == null ? 0 : minute, second == null ? 0 : second,
          (microsecond == null ? 0 : microsecond) * 1000);
      if (weekday != null && day == null) {
        naive = naive.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(weekday + 1)));
        if (naive.getYear() > 9999) {
          throw new NotADate();
        }
      }
      return naive;
    }

    /** dateutil's zone assignment followed by riko's: unnamed offsets and no zone mean UTC. */
    ZonedDateTime zoned(LocalDateTime naive) {
      NamedZone named = zoneName == null ? null : ZONES.get(zoneName);
      if (named != null) {
        ZoneOffsetTransition transition = named.zone().getRules().getTransition(naive);
        if (transition != null && transition.isGap()) {
          // a wall-clock time that the region skips keeps the offset from before the change, as
          // Python does; Java has no region date-time for it, so the offset stands alone
          return ZonedDateTime.of(naive, transition.getOffsetBefore());
        }
        ZonedDateTime at = ZonedDateTime.ofLocal(naive, named.zone(), null);
        return named.daylight() ? at.withEarlierOffsetAtOverlap() : at.withLaterOffsetAtOverlap();
      }
      if (offsetSeconds != null && offsetSeconds != 0 && zoneName != null) {
        return ZonedDateTime.of(naive, ZoneOffset.ofTotalSeconds(offsetSeconds));
      }
      return ZonedDateTime.of(naive, ZoneOffset.UTC);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The reader: dateutil's main loop over the tokens.

  private static final class Reader {
    private final List<String> tokens;
    private final int currentYear;
    private final Fields res = new Fields();
    private final Ymd ymd = new Ymd();

    Reader(List<String> tokens, int currentYear) {
      this.tokens = tokens;
      this.currentYear = currentYear;
    }

    Fields read() {
      try {
        int n = tokens.size();
        int i = 0;
        while (i < n) {
          String token = tokens.get(i);
          BigDecimal number = number(token);
          if (number != null) {
            i = numeric(i, number);
          } else if (WEEKDAYS.containsKey(lower(token))) {
            res.weekday = WEEKDAYS.get(lower(token));
          } else if (MONTHS.containsKey(lower(token))) {
            i = monthName(i, MONTHS.get(lower(token)) + 1);
          } else if (AMPM.containsKey(lower(token))) {
            int flag = AMPM.get(lower(token));
            if (res.hour == null || res.hour < 0 || res.hour > 12) {
              throw new NotADate();
            }
            res.hour = adjustAmPm(res.hour, flag);
            res.ampm = flag;
          } else if (couldBeZoneName(token, res.zoneName, res.offsetSeconds)) {
            res.zoneName = token;
            res.offsetSeconds = token.equals("z") ? Integer.valueOf(0) : null;
            if (i + 1 < n && (tokens.get(i + 1).equals("+") || tokens.get(i + 1).equals("-"))) {
              // GMT+3 means "my time +3 is GMT": flip the sign for the offset that follows.
              tokens.set(i + 1, tokens.get(i + 1).equals("+") ? "-" : "+");
              res.offsetSeconds = null;
              if (UTC_NAMES.contains(token.toUpperCase(Locale.ROOT))) {
                res.zoneName = null;
              }
            }
          } else if (res.hour != null && (token.equals("+") || token.equals("-"))) {
            i = offset(i, token.equals("+") ? 1 : -1);
          } else if (!SEPARATORS.contains(lower(token))) {
            throw new NotADate();
          }
          i++;
        }
        @Nullable Long[] resolved = ymd.resolve();
        res.year = resolved[0];
        res.month = resolved[1];
        res.day = resolved[2];
      } catch (IndexOutOfBoundsException e) {
        throw new NotADate();
      }
      validate();
      return res;
    }

    private void validate() {
      if (res.year != null) {
        res.year = convertYear(res.year, ymd.centurySpecified);
      }
      Integer offset = res.offsetSeconds;
      if ((offset != null && offset == 0 && res.zoneName == null) || "Z".equals(res.zoneName)
          || "z".equals(res.zoneName)) {
        res.zoneName = "UTC";
        res.offsetSeconds = 0;
      } else if ((offset == null || offset != 0) && res.zoneName != null
          && UTC_NAMES.contains(res.zoneName.toUpperCase(Locale.ROOT))) {
        res.offsetSeconds = 0;
      }
    }

    long convertYear(long year, boolean centurySpecified) {
      if (year < 100 && !centurySpecified) {
        long converted = year + currentYear / 100 * 100;
        if (converted >= currentYear + 50) {
          converted -= 100;
        } else if (converted < currentYear - 50) {
          converted += 100;
        }
        return converted;
      }
      return year;
    }

    private int monthName(int i, int month) {
      int n = tokens.size();
      ymd.addMonth(month);
      if (i + 1 < n) {
        String next = tokens.get(i + 1);
        if (next.equals("-") || next.equals("/")) {
          // Jan-01[-99]
          ymd.addText(tokens.get(i + 2), null);
          if (i + 3 < n && tokens.get(i + 3).equals(next)) {
            ymd.addText(tokens.get(i + 4), null);
            i += 2;
          }
          i += 2;
        } else if (i + 4 < n && next.equals(" ") && tokens.get(i + 3).equals(" ")
            && lower(tokens.get(i + 2)).equals("of")) {
          // Jan of 01: the number is clearly a year
          String year = tokens.get(i + 4);
          if (allDigits(year)) {
            ymd.addText(Long.toString(convertYear(pyInt(year), false)), 'Y');
          }
          i += 4;
        }
      }
      return i;
    }

    private int offset(int i, int sign) {
      int n = tokens.size();
      String next = tokens.get(i + 1);
      long hours;
      long minutes;
      if (next.length() == 4) {
        hours = pyInt(next.substring(0, 2));
        minutes = pyInt(next.substring(2));
      } else if (i + 2 < n && tokens.get(i + 2).equals(":")) {
        hours = pyInt(next);
        minutes = pyInt(tokens.get(i + 3));
        i += 2;
      } else if (next.length() <= 2) {
        hours = pyInt(next);
        minutes = 0;
      } else {
        throw new NotADate();
      }
      res.offsetSeconds = Math.toIntExact(sign * (hours * 3600 + minutes * 60));
      // -0300 (BRST): a zone name between parentheses
      if (i + 5 < n && SEPARATORS.contains(lower(tokens.get(i + 2))) && tokens.get(i + 3).equals("(")
          && tokens.get(i + 5).equals(")") && tokens.get(i + 4).length() >= 3
          && couldBeZoneName(tokens.get(i + 4), res.zoneName, null)) {
        res.zoneName = tokens.get(i + 4);
        i += 4;
      }
      return i + 1;
    }

    private boolean couldBeZoneName(String token, @Nullable String zoneName, @Nullable Integer offset) {
      if (res.hour == null || zoneName != null || offset != null || token.length() > 5) {
        return false;
      }
      if (UTC_NAMES.contains(token)) {
        return true;
      }
      for (int k = 0; k < token.length(); k++) {
        char c = token.charAt(k);
        if (c < 'A' || c > 'Z') {
          return false;
        }
      }
      return true;
    }

    /** A number token; returns the index of the last token it used. */
    private int numeric(int idx, BigDecimal value) {
      List<String> l = tokens;
      int n = l.size();
      String repr = l.get(idx);
      int len = repr.length();
      if (ymd.size() == 3 && (len == 2 || len == 4) && res.hour == null
          && (idx + 1 >= n || (!l.get(idx + 1).equals(":") && hms(l.get(idx + 1)) == null))) {
        // 19990101T23[59]
        res.hour = (int) pyInt(repr.substring(0, 2));
        if (len == 4) {
          res.minute = (int) pyInt(repr.substring(2));
        }
      } else if (len == 6 || (len > 6 && repr.indexOf('.') == 6)) {
        // YYMMDD or HHMMSS[.ss]
        if (ymd.size() == 0 && repr.indexOf('.') < 0) {
          ymd.addText(repr.substring(0, 2), null);
          ymd.addText(repr.substring(2, 4), null);
          ymd.addText(repr.substring(4), null);
        } else {
          res.hour = (int) pyInt(repr.substring(0, 2));
          res.minute = (int) pyInt(repr.substring(2, 4));
          int[] sec = seconds(repr.substring(4));
          res.second = sec[0];
          res.microsecond = sec[1];
        }
      } else if (len == 8 || len == 12 || len == 14) {
        // YYYYMMDD[hhmm[ss]]
        ymd.addText(repr.substring(0, 4), 'Y');
        ymd.addText(repr.substring(4, 6), null);
        ymd.addText(repr.substring(6, 8), null);
        if (len > 8) {
          res.hour = (int) pyInt(repr.substring(8, 10));
          res.minute = (int) pyInt(repr.substring(10, 12));
          if (len > 12) {
            res.second = (int) pyInt(repr.substring(12));
          }
        }
      } else if (hmsIndex(idx) != null) {
        // HH[ ]h or MM[ ]m or SS[.ss][ ]s
        int hmsIdx = hmsIndex(idx);
        int kind;
        if (hmsIdx > idx) {
          kind = hms(l.get(hmsIdx));
          idx = hmsIdx;
        } else {
          kind = hms(l.get(hmsIdx)) + 1;
        }
        assignHms(repr, value, kind);
      } else if (idx + 2 < n && l.get(idx + 1).equals(":")) {
        // HH:MM[:SS[.ss]]
        res.hour = intValue(value);
        BigDecimal minutes = decimal(l.get(idx + 2));
        minuteAndSecond(minutes);
        if (idx + 4 < n && l.get(idx + 3).equals(":")) {
          int[] sec = seconds(l.get(idx + 4));
          res.second = sec[0];
          res.microsecond = sec[1];
          idx += 2;
        }
        idx += 2;
      } else if (idx + 1 < n && (l.get(idx + 1).equals("-") || l.get(idx + 1).equals("/")
          || l.get(idx + 1).equals("."))) {
        String sep = l.get(idx + 1);
        ymd.addText(repr, null);
        if (idx + 2 < n && !SEPARATORS.contains(lower(l.get(idx + 2)))) {
          String second = l.get(idx + 2);
          if (allDigits(second)) {
            // 01-01[-01]
            ymd.addText(second, null);
          } else {
            // 01-Jan[-01]
            Integer month = MONTHS.get(lower(second));
            if (month == null) {
              throw new NotADate();
            }
            ymd.addMonth(month + 1);
          }
          if (idx + 3 < n && l.get(idx + 3).equals(sep)) {
            String third = l.get(idx + 4);
            Integer month = MONTHS.get(lower(third));
            if (month != null) {
              ymd.addMonth(month + 1);
            } else {
              ymd.addText(third, null);
            }
            idx += 2;
          }
          idx += 1;
        }
        idx += 1;
      } else if (idx + 1 >= n || SEPARATORS.contains(lower(l.get(idx + 1)))) {
        if (idx + 2 < n && AMPM.containsKey(lower(l.get(idx + 2)))) {
          // 12 am
          res.hour = adjustAmPm(intValue(value), AMPM.get(lower(l.get(idx + 2))));
          idx += 1;
        } else {
          // year, month or day
          ymd.addNumber(value, null);
        }
        idx += 1;
      } else if (AMPM.containsKey(lower(l.get(idx + 1))) && value.signum() >= 0
          && value.compareTo(BigDecimal.valueOf(24)) < 0) {
        // 12am
        res.hour = adjustAmPm(intValue(value), AMPM.get(lower(l.get(idx + 1))));
        idx += 1;
      } else if (ymd.couldBeDay(value)) {
        ymd.addNumber(value, null);
      } else {
        throw new NotADate();
      }
      return idx;
    }

    private @Nullable Integer hmsIndex(int idx) {
      List<String> l = tokens;
      int n = l.size();
      if (idx + 1 < n && hms(l.get(idx + 1)) != null) {
        return idx + 1;
      }
      if (idx + 2 < n && l.get(idx + 1).equals(" ") && hms(l.get(idx + 2)) != null) {
        return idx + 2;
      }
      if (idx > 0 && hms(l.get(idx - 1)) != null) {
        return idx - 1;
      }
      if (1 < idx && idx == n - 1 && l.get(idx - 1).equals(" ") && hms(l.get(idx - 2)) != null) {
        return idx - 2;
      }
      return null;
    }

    private void assignHms(String repr, BigDecimal value, int kind) {
      switch (kind) {
        case 0 -> {
          res.hour = intValue(value);
          BigDecimal fraction = value.remainder(BigDecimal.ONE);
          if (fraction.signum() != 0) {
            res.minute = intValue(fraction.multiply(BigDecimal.valueOf(60)));
          }
        }
        case 1 -> minuteAndSecond(value);
        case 2 -> {
          int[] sec = seconds(repr);
          res.second = sec[0];
          res.microsecond = sec[1];
        }
        default -> {
          // a seconds label looking backwards: dateutil assigns nothing
        }
      }
    }

    private void minuteAndSecond(BigDecimal value) {
      res.minute = intValue(value);
      BigDecimal fraction = value.remainder(BigDecimal.ONE);
      res.second = fraction.signum() != 0 ? intValue(fraction.multiply(BigDecimal.valueOf(60))) : null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Python number semantics.

  /** The token as dateutil's numbers: digits with one optional point; NaN and infinity fail. */
  private static @Nullable BigDecimal number(String token) {
    String lower = lower(token);
    if (lower.equals("nan") || lower.equals("inf") || lower.equals("infinity")) {
      throw new NotADate(); // Python's float() accepts them, dateutil then refuses them
    }
    if (token.isEmpty() || !Lexer.isDigit(token.charAt(0)) && token.charAt(0) != '.') {
      return null;
    }
    int dots = 0;
    boolean digits = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        dots++;
      } else if (Lexer.isDigit(c)) {
        digits = true;
      } else {
        return null;
      }
    }
    if (dots > 1 || !digits) {
      return null;
    }
    return decimal(token);
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(asciiDigits(text));
    } catch (NumberFormatException e) {
      throw new NotADate();
    }
  }

  private static int[] seconds(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return new int[] {(int) pyInt(text), 0};
    }
    if (text.indexOf('.', dot + 1) >= 0) {
      throw new NotADate();
    }
    String fraction = text.substring(dot + 1);
    String padded = (fraction + "000000").substring(0, 6);
    return new int[] {(int) pyInt(text.substring(0, dot)), (int) pyInt(padded)};
  }

  /** Python's {@code int(text)} for the tokens seen here: digits only. */
  static long pyInt(String text) {
    if (!allDigits(text) || text.isEmpty()) {
      throw new NotADate();
    }
    try {
      return Long.parseLong(asciiDigits(text));
    } catch (NumberFormatException e) {
      throw new NotADate();
    }
  }

  private static int intValue(BigDecimal value) {
    try {
      return value.setScale(0, RoundingMode.DOWN).intValueExact();
    } catch (ArithmeticException e) {
      throw new NotADate();
    }
  }

  private static long truncate(BigDecimal value) {
    try {
      return value.setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw new NotADate();
    }
  }

  private static boolean allDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Lexer.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String asciiDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
    }
    return out.toString();
  }

  private static int adjustAmPm(int hour, int ampm) {
    if (hour < 12 && ampm == 1) {
      return hour + 12;
    }
    if (hour == 12 && ampm == 0) {
      return 0;
    }
    return hour;
  }

  private static @Nullable Integer hms(String token) {
    return HMS.get(lower(token));
  }

  static long monthLength(long year, long month) {
    if (month < 1 || month > 12) {
      throw new NotADate();
    }
    return Month.of((int) month).length(Year.isLeap(year));
  }

  private static String lower(String token) {
    return token.toLowerCase(Locale.ROOT);
  }
}
