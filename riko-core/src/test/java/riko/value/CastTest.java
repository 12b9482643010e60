package riko.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import riko.item.Item;

class CastTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-15T10:20:30Z"), ZoneOffset.UTC);
  static final ZonedDateTime EPOCH = ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @Nested
  class Names {

    @Test
    void everyCastIsFoundByItsExactName() {
      for (Cast cast : Cast.values()) {
        assertThat(Cast.named(cast.castName())).contains(cast);
      }
      assertThat(Cast.named("datetime")).contains(Cast.DATETIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "Text", "integer", "str", "", " int"})
    void otherNamesAreNotCasts(String name) {
      assertThat(Cast.named(name)).isEmpty();
    }

    @Test
    void nullIsNotACast() {
      assertThat(Cast.named(null)).isEmpty();
    }

    @Test
    void knownNamesListsThemAllForErrorMessages() {
      assertThat(Cast.knownNames())
          .isEqualTo("text, int, float, decimal, bool, date, datetime, url, location, pass, none");
    }
  }

  @Nested
  class Nulls {

    @ParameterizedTest
    @EnumSource(Cast.class)
    void nullBecomesTheTypesDefault(Cast cast) {
      Object expected = switch (cast) {
        case TEXT, URL -> "";
        case INT -> 0L;
        case FLOAT -> Double.NaN;
        case DECIMAL -> DecimalNaN.INSTANCE;
        case BOOL -> false;
        case DATE -> LocalDate.of(1970, 1, 1);
        case DATETIME -> EPOCH;
        case LOCATION -> Map.of();
        case PASS, NONE -> null;
      };
      assertThat(cast.apply(null, CLOCK)).isEqualTo(expected);
    }

    @Test
    void aRawItemIsCastByItsBareValue() {
      assertThat(Cast.INT.apply(Item.ofValue("5"))).isEqualTo(5L);
      assertThat(Cast.TEXT.apply(Item.ofValue(null))).isEqualTo("");
      assertThat(Cast.toFloat(Item.ofValue("2.5"))).isEqualTo(2.5);
      assertThat(Cast.toDecimal(Item.ofValue(3L))).isEqualTo(BigDecimal.valueOf(3));
      assertThat(Cast.toBool(Item.ofValue("0"))).isFalse();
    }
  }

  @Nested
  class Text {

    @Test
    void isPythonStr() {
      assertThat(Cast.TEXT.apply(12.0)).isEqualTo("12.0");
      assertThat(Cast.TEXT.apply(1e16)).isEqualTo("1e+16");
      assertThat(Cast.TEXT.apply(true)).isEqualTo("True");
      assertThat(Cast.TEXT.apply(7L)).isEqualTo("7");
      assertThat(Cast.TEXT.apply(new BigDecimal("2.50"))).isEqualTo("2.50");
      assertThat(Cast.TEXT.apply(DecimalNaN.INSTANCE)).isEqualTo("NaN");
      assertThat(Cast.TEXT.apply(List.of("a", 1L))).isEqualTo("['a', 1]");
      assertThat(Cast.TEXT.apply(Item.of("a", 1L))).isEqualTo("{'a': 1}");
      assertThat(Cast.TEXT.apply(LocalDate.of(1982, 5, 4))).isEqualTo("1982-05-04");
      assertThat(Cast.TEXT.apply(EPOCH)).isEqualTo("1970-01-01 00:00:00+00:00");
      assertThat(Cast.TEXT.apply("as is")).isEqualTo("as is");
    }
  }

  @Nested
  class Int {

    @ParameterizedTest
    @CsvSource({"12.25, 12", "1e3, 1000", "'  7  ', 7", "-2.9, -2", "1_000, 1000", "0.9, 0", "-0.5, 0", "10, 10",
        "nan, 0", "foo, 0", "'', 0", "1__0, 0", "0x10, 0", "12abc, 0"})
    void readsTheTextAsAFloatThenTruncates(String text, long expected) {
      assertThat(Cast.INT.apply(text)).isEqualTo(expected);
    }

    @Test
    void numbersAndBooleansTruncateTowardZero() {
      assertThat(Cast.toInt(12.9)).isEqualTo(12);
      assertThat(Cast.toInt(-12.9)).isEqualTo(-12);
      assertThat(Cast.toInt(new BigDecimal("12.9"))).isEqualTo(12);
      assertThat(Cast.toInt(42L)).isEqualTo(42);
      assertThat(Cast.toInt(true)).isEqualTo(1);
      assertThat(Cast.toInt(false)).isEqualTo(0);
      assertThat(Cast.toInt(Double.NaN)).isEqualTo(0);
      assertThat(Cast.toInt(DecimalNaN.INSTANCE)).isEqualTo(0);
    }

    @Test
    void goesThroughAFloatLikeRiko() {
      assertThat(Cast.toInt(9_007_199_254_740_993L)).isEqualTo(9_007_199_254_740_992L);
    }

    @Test
    void valuesFloatRefusesAreZero() {
      assertThat(Cast.toInt(List.of(1L))).isEqualTo(0);
      assertThat(Cast.toInt(LocalDate.of(2020, 1, 1))).isEqualTo(0);
      assertThat(Cast.toInt(Item.of("a", 1L))).isEqualTo(0);
    }

    @Test
    void infinityIsAnErrorAsInPython() {
      assertThatThrownBy(() -> Cast.INT.apply("inf")).isInstanceOf(ArithmeticException.class)
          .hasMessageContaining("infinity");
      assertThatThrownBy(() -> Cast.toInt(Double.NEGATIVE_INFINITY)).isInstanceOf(ArithmeticException.class);
    }
  }

  @Nested
  class Float {

    @ParameterizedTest
    @CsvSource({"12.25, 12.25", "' 1e3 ', 1000.0", "-.5, -0.5", "5., 5.0", "1_0.5, 10.5", "+7, 7.0",
        "inf, Infinity", "-Infinity, -Infinity", "INF, Infinity", "1E-2, 0.01"})
    void parsesLikePython(String text, double expected) {
      assertThat(Cast.FLOAT.apply(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", " -NaN ", "foo", "", ".", "e5", "1__0", "_1", "1_", "0x10", "1e", "12,5", "1d", "1f"})
    void unreadableOrNanTextIsNan(String text) {
      assertThat((Double) Cast.FLOAT.apply(text)).isNaN();
    }

    @Test
    void numbersBooleansAndOtherValues() {
      assertThat(Cast.toFloat(3L)).isEqualTo(3.0);
      assertThat(Cast.toFloat(new BigDecimal("0.1"))).isEqualTo(0.1);
      assertThat(Cast.toFloat(true)).isEqualTo(1.0);
      assertThat(Cast.toFloat(DecimalNaN.INSTANCE)).isNaN();
      assertThat(Cast.toFloat(List.of())).isNaN();
      assertThat(Cast.toFloat(LocalDate.of(2020, 1, 1))).isNaN();
    }
  }

  @Nested
  class Decimal {

    @Test
    void textKeepsItsDigitsAndExponent() {
      assertThat(Cast.DECIMAL.apply("12.25")).isEqualTo(new BigDecimal("12.25"));
      assertThat(Cast.DECIMAL.apply(" 2.50 ")).hasToString("2.50");
      assertThat(Cast.DECIMAL.apply("1e3")).hasToString("1E+3");
      assertThat(Cast.DECIMAL.apply("10")).hasToString("10");
      assertThat(Cast.DECIMAL.apply("1__000")).hasToString("1000"); // Python drops every underscore
      assertThat(Cast.DECIMAL.apply(".5")).hasToString("0.5");
    }

    @Test
    void aFloatIsItsExactBinaryExpansion() {
      assertThat(Cast.DECIMAL.apply(0.1)).hasToString("0.1000000000000000055511151231257827021181583404541015625");
      assertThat(Cast.DECIMAL.apply(2.5)).hasToString("2.5");
    }

    @Test
    void integersAndBooleansAreExact() {
      assertThat(Cast.DECIMAL.apply(10L)).hasToString("10");
      assertThat(Cast.DECIMAL.apply(true)).hasToString("1");
      assertThat(Cast.DECIMAL.apply(new java.math.BigInteger("123456789012345678901234567890")))
          .hasToString("123456789012345678901234567890");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "", "NaN", "Infinity", "-inf", "sNaN", "1e", "0x1", "1,5"})
    void unreadableAndSpecialTextIsDecimalNan(String text) {
      assertThat(Cast.DECIMAL.apply(text)).isSameAs(DecimalNaN.INSTANCE);
    }

    @Test
    void nanFloatsAndOtherValuesAreDecimalNan() {
      assertThat(Cast.toDecimal(Double.NaN)).isSameAs(DecimalNaN.INSTANCE);
      assertThat(Cast.toDecimal(List.of(1L))).isSameAs(DecimalNaN.INSTANCE);
      assertThat(Cast.toDecimal(DecimalNaN.INSTANCE)).isSameAs(DecimalNaN.INSTANCE);
    }
  }

  @Nested
  class Bool {

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False", "0", "00", "0.0", "-0", "- 0", "+0", "0_0", "0x0", "0b0",
        "0o00", "0j", "0.0j", "0+0j", "1e-400", ".0", "0.", "0e0", "(0)", "( 0 )", "((0))", "None", "  None",
        " \t0", "0 ", "0\n", "[]", "[ ]", "{}", "()", "(())", "set()", "''", "\"\"", "b''", "r''", "u\"\"",
        "Rb''", "''''''", "'' ''"})
    void falseLookingLiteralsAreFalse(String text) {
      assertThat(Cast.BOOL.apply(text)).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "-1", "0.5", "01", "[0]", "(0,)", "{1: 2}", "'a'", "nan", "inf",
        "no", "off", "n", "None!", "dict()", "0_", " ", "1e-5", "hello"})
    void everythingElseNonEmptyIsTrue(String text) {
      assertThat(Cast.BOOL.apply(text)).isEqualTo(true);
    }

    @Test
    void theEmptyStringIsFalse() {
      assertThat(Cast.toBool("")).isFalse();
    }

    @Test
    void nonStringsUseTruthiness() {
      assertThat(Cast.toBool(0L)).isFalse();
      assertThat(Cast.toBool(2L)).isTrue();
      assertThat(Cast.toBool(0.0)).isFalse();
      assertThat(Cast.toBool(Double.NaN)).isTrue();
      assertThat(Cast.toBool(BigDecimal.ZERO)).isFalse();
      assertThat(Cast.toBool(true)).isTrue();
      assertThat(Cast.toBool(List.of())).isFalse();
    }
  }

  @Nested
  class Dates {

    @Test
    void theSpecExamples() {
      assertThat(Cast.DATETIME.apply("5/4/82", CLOCK)).isEqualTo(ZonedDateTime.of(1982, 5, 4, 0, 0, 0, 0, ZoneOffset.UTC));
      assertThat(Cast.DATE.apply("5/4/82", CLOCK)).isEqualTo(LocalDate.of(1982, 5, 4));
      ZonedDateTime epochSeconds = (ZonedDateTime) Cast.DATETIME.apply(1181230100L, CLOCK);
      assertThat(epochSeconds.toLocalDateTime()).isEqualTo(LocalDateTime.of(2007, 6, 7, 15, 28, 20));
      assertThat(epochSeconds.getZone()).isEqualTo(ZoneId.of("GMT"));
    }

    @Test
    void aDigitOnlyStringIsNotEpochSeconds() {
      assertThat(Cast.DATETIME.apply("1181230100", CLOCK)).isEqualTo(EPOCH);
      assertThat(Cast.DATE.apply("1181230100", CLOCK)).isEqualTo(LocalDate.of(1970, 1, 1));
    }

    @Test
    void dateTimesAreKeptAndTheirCalendarDateTaken() {
      ZonedDateTime eastern = ZonedDateTime.of(2020, 1, 1, 23, 0, 0, 0, ZoneId.of("US/Eastern"));
      assertThat(Cast.DATETIME.apply(eastern)).isSameAs(eastern);
      assertThat(Cast.DATE.apply(eastern)).isEqualTo(LocalDate.of(2020, 1, 1));
      OffsetDateTime offset = OffsetDateTime.of(2020, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2));
      assertThat(Cast.DATETIME.apply(offset)).isEqualTo(offset.toZonedDateTime());
      assertThat(Cast.DATE.apply(offset)).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void datesBecomeMidnightUtc() {
      assertThat(Cast.DATETIME.apply(LocalDate.of(2015, 5, 4))).isEqualTo(ZonedDateTime.of(2015, 5, 4, 0, 0, 0, 0, ZoneOffset.UTC));
      assertThat(Cast.DATE.apply(LocalDate.of(2015, 5, 4))).isEqualTo(LocalDate.of(2015, 5, 4));
      assertThat(Cast.DATETIME.apply("today", CLOCK)).isEqualTo(ZonedDateTime.of(2026, 8, 15, 0, 0, 0, 0, ZoneOffset.UTC));
      assertThat(Cast.DATETIME.apply("+3 days", CLOCK)).isEqualTo(ZonedDateTime.of(2026, 8, 18, 0, 0, 0, 0, ZoneOffset.UTC));
      assertThat(Cast.DATE.apply("now", CLOCK)).isEqualTo(LocalDate.of(2026, 8, 15));
    }

    @Test
    void timeTuplesAreUtc() {
      TimeTuple tuple = new TimeTuple(LocalDateTime.of(2014, 12, 2, 15, 30));
      assertThat(Cast.DATETIME.apply(tuple)).isEqualTo(ZonedDateTime.of(2014, 12, 2, 15, 30, 0, 0, ZoneOffset.UTC));
      assertThat(Cast.DATE.apply(tuple)).isEqualTo(LocalDate.of(2014, 12, 2));
    }

    @Test
    void booleansAreEpochSecondsLikeOtherIntegers() {
      assertThat(((ZonedDateTime) Cast.DATETIME.apply(true)).toEpochSecond()).isEqualTo(1);
    }

    @Test
    void unreadableValuesGiveTheEpoch() {
      assertThat(Cast.DATETIME.apply("not a date", CLOCK)).isEqualTo(EPOCH);
      assertThat(Cast.DATETIME.apply(12.5, CLOCK)).isEqualTo(EPOCH);
      assertThat(Cast.DATE.apply(List.of(), CLOCK)).isEqualTo(LocalDate.of(1970, 1, 1));
      assertThat(Cast.DATETIME.apply(Long.MAX_VALUE, CLOCK)).isEqualTo(EPOCH);
    }
  }

  @Nested
  class Url {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
      "google.com                     | http://google.com",
      "file://riko/data/x.xml         | file://riko/data/x.xml",
      "example.com/a b                | http://example.com/a%20b",
      "HTTP://Example.COM/a b?x=1#f   | http://Example.COM/a%20b?x=1#f",
      "http://a.com?                  | http://a.com",
      "http://a.com/x;                | http://a.com/x",
      "http://a.com/x;p?q#            | http://a.com/x;p?q",
      "http://ü.com/ä                 | http://%C3%BC.com/%C3%A4",
      "HtTp://x/%41%zz                | http://x/%41%zz",
      "ht tp://x                      | ht%20tp://x",
      "a:b://c                        | a:b://c",
      "http:///path                   | http:///path",
      "http://[::1]:8080/x            | http://[::1]:8080/x",
      "http://[::ffff:1.2.3.4]/       | http://[::ffff:1.2.3.4]/",
      "http://x/~a_b.c-d!$,;'@()*+=&  | http://x/~a_b.c-d!$,;'@()*+=&",
      "'http://x/\"<>{}|\\^`'         | http://x/%22%3C%3E%7B%7D%7C%5C%5E%60",
    })
    void prefixesQuotesAndReassemblesLikePython(String text, String expected) {
      assertThat(Cast.URL.apply(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[1]/", "http://[1.2.3.4]/", "http://a]b/", "[]", "http://[::1/"})
    void anInvalidBracketedHostGivesTheDefault(String text) {
      assertThat(Cast.URL.apply(text)).isEqualTo("");
    }

    @Test
    void nonStringsAreStringifiedFirst() {
      assertThat(Cast.URL.apply(12L)).isEqualTo("http://12");
      assertThat(Cast.URL.apply(true)).isEqualTo("http://True");
    }
  }

  @Nested
  class Others {

    @Test
    void locationIsTheStreetAddressStub() {
      Object location = Cast.LOCATION.apply("1600 Pennsylvania Ave");
      assertThat(location).isInstanceOf(Map.class);
      assertThat(location).hasToString(
          "{lat=0.0, lon=0.0, country=United States, admin1=state, admin2=county, admin3=city, city=city, "
              + "street=street, postal=61605}");
      assertThat(Cast.LOCATION.apply(12L)).isEqualTo(location);
    }

    @Test
    void passKeepsTheValueAndNoneDropsIt() {
      List<Object> list = List.of("a");
      assertThat(Cast.PASS.apply(list)).isSameAs(list);
      assertThat(Cast.NONE.apply("anything")).isNull();
    }
  }
}
