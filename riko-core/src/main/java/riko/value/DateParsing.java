package riko.value;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * riko's date strings ({@code conf.md} 7.3), as the {@code date} and {@code datetime} casts read
 * them. Tried in this order on the text as given (not trimmed, case-sensitive):
 *
 * <ol>
 *   <li><b>Relative arithmetic.</b> The text starts with {@code +} or {@code -} and its
 *       space-separated words include exactly one of {@code seconds minutes hours days weeks
 *       months years} (plural only: QUIRK, {@code +1 day} is not recognised). The first word
 *       without its sign is the count ({@code "+3 days"}, {@code "-10 weeks"}); when it is not
 *       an integer the text is not a date. Seconds, minutes and hours move "now" (a UTC
 *       date-time); days and weeks move today's date; months and years move today's date with
 *       calendar arithmetic, clamping to the end of a shorter month ({@code -1 months} on 31
 *       March is 28 or 29 February).
 *   <li><b>{@code last}/{@code next} + {@code week}/{@code month}/{@code year}.</b> When two of
 *       these five words are present, the first word decides the direction ({@code last} goes
 *       back, anything else forward) and the second word plus {@code s} is the unit: one unit
 *       from today ({@code "next month"}). QUIRK kept: {@code "week month"} moves one month
 *       forward. DIVERGENCE: where that second word is not a unit ({@code "the last week"}) riko
 *       fails with a {@code KeyError}; here the text is simply not a date.
 *   <li><b>Keywords.</b> Exactly {@code today}, {@code tomorrow}, {@code yesterday} (dates of the
 *       UTC calendar) or {@code now} (the UTC date-time).
 *   <li><b>Free-form text</b>, read as python-dateutil reads it (see {@link FreeFormDate}):
 *       {@code Jan. 12, 2001}, {@code 10/21/1958} (month first), {@code 15 JUN 06},
 *       {@code 5/4/82}, ISO 8601 with or without time and offset, RFC 822
 *       ({@code Mon, 11 May 2009 22:10:01 +0000}, {@code Tue, 05 Aug 2014 15:20:47 GMT}) and
 *       zone abbreviations. A result without a zone is UTC. QUIRK: a numeric offset without a
 *       name is dropped, keeping the wall-clock time as UTC
 *       ({@code 2020-01-01T10:00:00-05:00} is {@code 2020-01-01T10:00:00+00:00}); {@code Z},
 *       {@code +0000} and {@code UTC} are UTC, {@code GMT} is GMT, {@code EST} and the other US
 *       abbreviations are the US regions. QUIRK: a digit-only string is not epoch seconds
 *       ({@code "1181230100"} fails: it would be a year); two-digit years land within 50 years
 *       of the current year ({@code 82} is 1982 and {@code 06} is 2006 in 2026).
 * </ol>
 *
 * <p>"Now" and "today" come from the {@link Clock} given, read in UTC; "now" has microsecond
 * precision, as in Python. Results outside the years 1-9999 are not dates, and neither is a
 * relative count of more years than that range allows, whatever its unit (riko computes the
 * shift in every unit and fails when any is out of range: {@code "+8000 days"} is not a date).
 */
public final class DateParsing {

  private static final List<String> UNITS = List.of("seconds", "minutes", "hours", "days", "weeks", "months", "years");
  private static final Set<String> TEXT_WORDS = Set.of("last", "next", "week", "month", "year");
  private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");

  private DateParsing() {}

  /**
   * Parses {@code text} as riko does, reading "now" and "today" from {@code clock}.
   *
   * @return a {@link LocalDate} (relative days, weeks, months and years, {@code last}/{@code
   *     next}, {@code today}, {@code tomorrow}, {@code yesterday}) or a zone-aware {@link
   *     ZonedDateTime} (everything else), or empty when the text is not a date
   */
  public static Optional<Temporal> parse(String text, Clock clock) {
    String[] words = text.split(" ", -1);
    Set<String> units = new LinkedHashSet<>();
    Set<String> textWords = new LinkedHashSet<>();
    for (String word : words) {
      if (UNITS.contains(word)) {
        units.add(word);
      }
      if (TEXT_WORDS.contains(word)) {
        textWords.add(word);
      }
    }
    try {
      if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') && units.size() == 1) {
        String count = words[0].substring(1).strip();
        if (!PY_INT.matcher(count).matches()) {
          return Optional.empty();
        }
        long n = Long.parseLong(count.replace("_", ""));
        return shift(units.iterator().next(), text.charAt(0) == '-' ? Math.negateExact(n) : n, clock);
      }
      if (textWords.size() == 2) {
        String unit = words[1] + "s";
        if (!UNITS.contains(unit)) {
          return Optional.empty();
        }
        return shift(unit, words[0].equals("last") ? -1 : 1, clock);
      }
    } catch (ArithmeticException | NumberFormatException | DateTimeException tooFar) {
      return Optional.empty();
    }
    switch (text) {
      case "today":
        return Optional.of(today(clock));
      case "tomorrow":
        return Optional.of(today(clock).plusDays(1));
      case "yesterday":
        return Optional.of(today(clock).minusDays(1));
      case "now":
        return Optional.of(now(clock));
      default:
        return parseFreeForm(text, clock).map(Temporal.class::cast);
    }
  }

  /**
   * Step 4 alone: python-dateutil's free-form parser with riko's zone rule (no zone, or an
   * unnamed numeric offset, means the wall-clock time in UTC). {@code datebuilder} uses this
   * directly. Fields the text lacks come from today's date at midnight.
   *
   * @return the date-time, or empty when dateutil would fail
   */
  public static Optional<ZonedDateTime> parseFreeForm(String text, Clock clock) {
    return FreeFormDate.parse(text, clock);
  }

  private static Optional<Temporal> shift(String unit, long count, Clock clock) {
    // riko computes the shift in every unit before picking one, so a count that would move the
    // year out of 1-9999 fails whatever the unit ("+8000 days" is not a date).
    long shiftedYear = Math.addExact(today(clock).getYear(), count);
    if (shiftedYear < 1 || shiftedYear > 9999) {
      return Optional.empty();
    }
    Temporal result = switch (unit) {
      case "seconds" -> now(clock).plus(Duration.ofSeconds(count));
      case "minutes" -> now(clock).plus(Duration.ofMinutes(count));
      case "hours" -> now(clock).plus(Duration.ofHours(count));
      case "days" -> today(clock).plusDays(count);
      case "weeks" -> today(clock).plusWeeks(count);
      case "months" -> today(clock).plusMonths(count);
      default -> today(clock).plusYears(count);
    };
    return Optional.of(result);
  }

  private static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private static ZonedDateTime now(Clock clock) {
    return ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
  }
}
