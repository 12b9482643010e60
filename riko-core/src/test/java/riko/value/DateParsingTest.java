package riko.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParsingTest {

  /** Saturday 15 August 2026, 10:20:30.123456789 UTC. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-15T10:20:30.123456789Z"), ZoneOffset.UTC);
  static final LocalDate TODAY = LocalDate.of(2026, 8, 15);
  static final ZonedDateTime NOW = ZonedDateTime.of(2026, 8, 15, 10, 20, 30, 123_456_000, ZoneOffset.UTC);

  static Optional<Temporal> parse(String text) {
    return DateParsing.parse(text, CLOCK);
  }

  static Optional<Temporal> parse(String text, String instant) {
    return DateParsing.parse(text, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  static ZonedDateTime utc(int year, int month, int day, int hour, int minute, int second) {
    return ZonedDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC);
  }

  static ZonedDateTime utc(int year, int month, int day) {
    return utc(year, month, day, 0, 0, 0);
  }

  @Nested
  class RelativeArithmetic {

    @Test
    void daysAndWeeksMoveTodaysDate() {
      assertThat(parse("+3 days")).contains(TODAY.plusDays(3));
      assertThat(parse("-10 weeks")).contains(LocalDate.of(2026, 6, 6));
      assertThat(parse("-0 days")).contains(TODAY);
    }

    @Test
    void secondsMinutesAndHoursMoveNowWithMicrosecondPrecision() {
      assertThat(parse("+90 seconds")).contains(NOW.plusSeconds(90));
      assertThat(parse("-5 minutes")).contains(NOW.minusMinutes(5));
      assertThat(parse("+2 hours")).contains(utc(2026, 8, 15, 12, 20, 30).withNano(123_456_000));
    }

    @Test
    void monthsAndYearsUseCalendarArithmeticAndClampToTheMonthEnd() {
      assertThat(parse("+1 months", "2026-01-31T12:00:00Z")).contains(LocalDate.of(2026, 2, 28));
      assertThat(parse("-1 months", "2024-03-31T12:00:00Z")).contains(LocalDate.of(2024, 2, 29));
      assertThat(parse("+1 years", "2024-02-29T12:00:00Z")).contains(LocalDate.of(2025, 2, 28));
      assertThat(parse("-3 years")).contains(LocalDate.of(2023, 8, 15));
      assertThat(parse("+14 months")).contains(LocalDate.of(2027, 10, 15));
    }

    @Test
    void theCountIsThePythonIntegerAfterTheSign() {
      assertThat(parse("+1_0 days")).contains(TODAY.plusDays(10));
      assertThat(parse("++3 days")).contains(TODAY.plusDays(3));
      assertThat(parse("+-3 days")).contains(TODAY.minusDays(3));
      assertThat(parse("-+3 days")).contains(TODAY.minusDays(3));
      assertThat(parse("+3 extra days")).contains(TODAY.plusDays(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 day", "-1 week", "+3x days", "+ 3 days", "+three days", "+3 days weeks", "3 days",
        "+3 Days"})
    void onlyASignedCountWithOnePluralUnitWordIsRelative(String text) {
      assertThat(parse(text)).isEmpty();
    }

    @Test
    void aCountOfMoreYearsThanTheCalendarHoldsFailsWhateverTheUnit() {
      assertThat(parse("+7000 days")).contains(TODAY.plusDays(7000));
      assertThat(parse("+8000 days")).isEmpty(); // 2026 + 8000 years is out of range
      assertThat(parse("-2026 hours")).isEmpty();
      assertThat(parse("+99999999999999999999 seconds")).isEmpty();
    }
  }

  @Nested
  class LastAndNext {

    @Test
    void moveOneUnitFromToday() {
      assertThat(parse("next week")).contains(TODAY.plusWeeks(1));
      assertThat(parse("last week")).contains(TODAY.minusWeeks(1));
      assertThat(parse("next month")).contains(LocalDate.of(2026, 9, 15));
      assertThat(parse("last month", "2026-03-31T00:00:00Z")).contains(LocalDate.of(2026, 2, 28));
      assertThat(parse("next year")).contains(LocalDate.of(2027, 8, 15));
      assertThat(parse("last year")).contains(LocalDate.of(2025, 8, 15));
    }

    @Test
    void theFirstWordGivesTheDirectionAndTheSecondTheUnit() {
      assertThat(parse("week month")).contains(LocalDate.of(2026, 9, 15)); // QUIRK: forward one month
      assertThat(parse("last week please")).contains(TODAY.minusWeeks(1));
    }

    @Test
    void aSecondWordThatIsNoUnitIsNotADate() {
      assertThat(parse("the last week")).isEmpty();
      assertThat(parse("last next")).isEmpty();
    }
  }

  @Nested
  class Keywords {

    @Test
    void datesOfTheUtcCalendarAndNow() {
      assertThat(parse("today")).contains(TODAY);
      assertThat(parse("tomorrow")).contains(LocalDate.of(2026, 8, 16));
      assertThat(parse("yesterday")).contains(LocalDate.of(2026, 8, 14));
      assertThat(parse("now")).contains(NOW);
      assertThat(parse("today", "2026-12-31T23:59:59Z")).contains(LocalDate.of(2026, 12, 31));
      assertThat(parse("tomorrow", "2026-12-31T23:59:59Z")).contains(LocalDate.of(2027, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Today", "NOW", " today", "today ", "the day after tomorrow"})
    void areMatchedExactly(String text) {
      assertThat(parse(text)).isEmpty();
    }
  }

  @Nested
  class FreeForm {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
      "Jan. 12, 2001                  | 2001-01-12T00:00Z",
      "10/21/1958                     | 1958-10-21T00:00Z",
      "15 JUN 06                      | 2006-06-15T00:00Z",
      "5/4/82                         | 1982-05-04T00:00Z",
      "12/2/2014                      | 2014-12-02T00:00Z",
      "May 4, 1982                    | 1982-05-04T00:00Z",
      "4 July 1976 10am               | 1976-07-04T10:00Z",
      "September 25, 2003             | 2003-09-25T00:00Z",
      "Thu Sep 25 10:36:28 2003       | 2003-09-25T10:36:28Z",
      "9/25/2003 10:36:28 PM          | 2003-09-25T22:36:28Z",
      "1st of January 2020            | 2020-01-01T00:00Z",
      "Sep.20.2009                    | 2009-09-20T00:00Z",
      "10.09.03                       | 2003-10-09T00:00Z",
      "01-Jan-99                      | 1999-01-01T00:00Z",
      "Apr-2003-25                    | 2003-04-25T00:00Z",
      "31/12/2000                     | 2000-12-31T00:00Z",
      "1/2/3                          | 2003-01-02T00:00Z",
      "2014-12-02                     | 2014-12-02T00:00Z",
      "2014-12-02T15:30:00            | 2014-12-02T15:30Z",
      "2008-02-12 20:45               | 2008-02-12T20:45Z",
      "1999-12-31T23:59:59            | 1999-12-31T23:59:59Z",
      "2020-01-01T10:00:00.123456789  | 2020-01-01T10:00:00.123456Z",
      "4:30:21,447                    | 2026-08-15T04:30:21.447Z",
      "20140102                       | 2014-01-02T00:00Z",
      "19990101T235959.59             | 1999-01-01T23:59:59.590Z",
      "990101                         | 1999-01-01T00:00Z",
      "12h04                          | 2026-08-15T12:04Z",
      "1.5h                           | 2026-08-15T01:30Z",
      "12 am                          | 2026-08-15T00:00Z",
      "10 p                           | 2026-08-15T22:00Z",
    })
    void readsTheFormsRikoRelies(String text, String expected) {
      assertThat(parse(text)).contains(ZonedDateTime.parse(expected));
    }

    @Test
    void fieldsTheTextLacksComeFromTodayAtMidnight() {
      assertThat(parse("10:00")).contains(utc(2026, 8, 15, 10, 0, 0));
      assertThat(parse("Jan 2001")).contains(utc(2001, 1, 15));
      assertThat(parse("Feb 2001", "2026-08-31T00:00:00Z")).contains(utc(2001, 2, 28)); // clamped
      assertThat(parse("2014")).contains(utc(2014, 8, 15));
      assertThat(parse("3rd")).contains(utc(2026, 8, 3));
    }

    @Test
    void aLoneWeekdayMovesForwardToThatDay() {
      assertThat(parse("Monday")).contains(utc(2026, 8, 17));
      assertThat(parse("Saturday")).contains(utc(2026, 8, 15));
      assertThat(parse("Sun, 10am")).contains(utc(2026, 8, 16, 10, 0, 0));
      assertThat(parse("Mon, 01 Jan 2001 00:00:01")).contains(utc(2001, 1, 1, 0, 0, 1)); // a day wins
    }

    @Test
    void twoDigitYearsLandWithinFiftyYearsOfTheCurrentYear() {
      assertThat(parse("1/1/75")).contains(utc(2075, 1, 1));
      assertThat(parse("1/1/76")).contains(utc(1976, 1, 1));
      assertThat(parse("1/1/49", "2000-06-01T00:00:00Z")).contains(utc(2049, 1, 1));
      assertThat(parse("1/1/50", "2000-06-01T00:00:00Z")).contains(utc(1950, 1, 1));
      assertThat(parse("Jan 1 0099")).contains(utc(1999, 1, 1)); // the year is still two-digit
      assertThat(parse("1 Jan 100")).contains(utc(100, 1, 1)); // three digits name a century
    }

    @Test
    void aTextWithoutZoneIsUtc() {
      Temporal parsed = parse("2014-12-02T15:30:00").orElseThrow();
      assertThat(((ZonedDateTime) parsed).getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void anUnnamedNumericOffsetIsDroppedKeepingTheWallClockAsUtc() {
      assertThat(parse("2020-01-01T10:00:00-05:00")).contains(utc(2020, 1, 1, 10, 0, 0));
      assertThat(parse("2020-01-01 10:00 +0530")).contains(utc(2020, 1, 1, 10, 0, 0));
      assertThat(parse("2014-12-02T15:30:00+02:00")).contains(utc(2014, 12, 2, 15, 30, 0));
      assertThat(parse("Mon, 01 Jan 2001 00:00:01 +0100")).contains(utc(2001, 1, 1, 0, 0, 1));
      assertThat(parse("10:00 GMT+3")).contains(utc(2026, 8, 15, 10, 0, 0));
    }

    @Test
    void utcNamesAndZeroOffsetsAreUtc() {
      assertThat(parse("2014-12-02T15:30:00Z")).contains(utc(2014, 12, 2, 15, 30, 0));
      assertThat(parse("Mon, 11 May 2009 22:10:01 +0000")).contains(utc(2009, 5, 11, 22, 10, 1));
      assertThat(parse("2020-01-01 10:00 UTC")).contains(utc(2020, 1, 1, 10, 0, 0));
      assertThat(parse("10:00 z")).contains(utc(2026, 8, 15, 10, 0, 0));
    }

    @Test
    void gmtIsKeptAsGmt() {
      ZonedDateTime parsed = (ZonedDateTime) parse("Tue, 05 Aug 2014 15:20:47 GMT").orElseThrow();
      assertThat(parsed.toLocalDateTime()).hasToString("2014-08-05T15:20:47");
      assertThat(parsed.getZone()).isEqualTo(ZoneId.of("GMT"));
    }

    @Test
    void usAbbreviationsResolveToTheUsRegionsKeepingTheWallClock() {
      ZoneId eastern = ZoneId.of("US/Eastern");
      assertThat(parse("2020-01-01 10:00 EST")).contains(ZonedDateTime.of(2020, 1, 1, 10, 0, 0, 0, eastern));
      assertThat(parse("2020-07-01 10:00 EST").map(t -> ((ZonedDateTime) t).getOffset()))
          .contains(ZoneOffset.ofHours(-4)); // the region's rules give the offset
      assertThat(parse("2020-07-01 10:00 PDT")).contains(ZonedDateTime.of(2020, 7, 1, 10, 0, 0, 0, ZoneId.of("US/Pacific")));
      assertThat(parse("2020-01-01 10:00 CST").map(t -> ((ZonedDateTime) t).getOffset())).contains(ZoneOffset.ofHours(-6));
      assertThat(parse("2020-01-01 10:00 MDT").map(t -> ((ZonedDateTime) t).getZone())).contains(ZoneId.of("US/Mountain"));
    }

    @Test
    void anAmbiguousWallClockTakesTheOffsetItsAbbreviationNames() {
      assertThat(parse("2020-11-01 01:30 EST").map(t -> ((ZonedDateTime) t).getOffset())).contains(ZoneOffset.ofHours(-5));
      assertThat(parse("2020-11-01 01:30 EDT").map(t -> ((ZonedDateTime) t).getOffset())).contains(ZoneOffset.ofHours(-4));
    }

    @Test
    void aNamedOffsetIsKeptAndAnUnknownNameIsIgnored() {
      assertThat(parse("2012-01-19 17:21:00 -0200 (BRST)"))
          .contains(ZonedDateTime.of(2012, 1, 19, 17, 21, 0, 0, ZoneOffset.ofHours(-2)));
      assertThat(parse("10:00 XYZ")).contains(utc(2026, 8, 15, 10, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " , ", "foo", "nan", "inf", "Feb 30 2001", "Feb 29 2001", "13/13/2000",
        "24:00", "23:60", "1 2 3 4", "13:00 pm", "pm", "1 Jan 10000", "1181230100", "0", "10:00 utc", "août 2010",
        "the 3rd", "Jan-", "hour 5"})
    void unparsableTextIsNotADate(String text) {
      assertThat(parse(text)).isEmpty();
    }

    @Test
    void aDigitOnlyStringIsAYearNeverEpochSeconds() {
      assertThat(parse("1181230100")).isEmpty();
      assertThat(parse("1982")).contains(utc(1982, 8, 15));
    }

    @Test
    void parseFreeFormSkipsTheKeywordsAndRelativeForms() {
      assertThat(DateParsing.parseFreeForm("today", CLOCK)).isEmpty();
      assertThat(DateParsing.parseFreeForm("+3 days", CLOCK)).isEmpty();
      assertThat(DateParsing.parseFreeForm("15 JUN 06", CLOCK)).contains(utc(2006, 6, 15));
    }
  }

  /** The rows of the conformance data file {@code dates.json}, as datebuilder and dateformat read them. */
  @Nested
  class ConformanceDates {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
      "12/2/2014                      | 2014-12-02T00:00:00",
      "2014-12-02T15:30:00            | 2014-12-02T15:30:00",
      "Jan. 12, 2001                  | 2001-01-12T00:00:00",
      "15 JUN 06                      | 2006-06-15T00:00:00",
      "2014-12-02T15:30:00+02:00      | 2014-12-02T15:30:00",
      "Tue, 02 Dec 2014 10:00:00 GMT  | 2014-12-02T10:00:00",
    })
    void contentReadsAsDatebuilderRecordsIt(String text, String wallClock) {
      assertThat(DateParsing.parseFreeForm(text, CLOCK).map(ZonedDateTime::toLocalDateTime))
          .contains(LocalDateTime.parse(wallClock));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
      "2015-05-04            | 2015-05-04",
      "2008-02-12 20:45:00   | 2008-02-12",
      "May 4, 1982           | 1982-05-04",
      "1181230100            | 1970-01-01",
      "2014-12-02T15:30:00Z  | 2014-12-02",
      "2001-01-01            | 2001-01-01",
    })
    void dateReadsAsDateformatRecordsIt(String text, String date) {
      assertThat(Cast.DATE.apply(text, CLOCK)).isEqualTo(LocalDate.parse(date));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
      "2008-02-12 20:45                 | 2008-02-12T20:45:00Z",
      "May 4, 1982                      | 1982-05-04T00:00:00Z",
      "1999-12-31T23:59:59              | 1999-12-31T23:59:59Z",
      "4 July 1976 10am                 | 1976-07-04T10:00:00Z",
      "2014-12-02 15:30:00-05:00        | 2014-12-02T15:30:00Z",
      "Mon, 01 Jan 2001 00:00:01 +0100  | 2001-01-01T00:00:01Z",
    })
    void altReadsAsADateTime(String text, String expected) {
      assertThat(Cast.DATETIME.apply(text, CLOCK)).isEqualTo(ZonedDateTime.parse(expected));
    }
  }
}
