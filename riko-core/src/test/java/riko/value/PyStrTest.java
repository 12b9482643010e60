package riko.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import riko.item.Item;

class PyStrTest {

  @Test
  void scalars() {
    assertThat(PyStr.str(null)).isEqualTo("None");
    assertThat(PyStr.str(true)).isEqualTo("True");
    assertThat(PyStr.str(false)).isEqualTo("False");
    assertThat(PyStr.str(42L)).isEqualTo("42");
    assertThat(PyStr.str(-7)).isEqualTo("-7");
    assertThat(PyStr.str("text")).isEqualTo("text");
  }

  @ParameterizedTest
  @CsvSource({"12.0, 12.0", "1e16, 1e+16", "1e15, 1000000000000000.0", "1234567890123456.0, 1234567890123456.0",
      "0.0001, 0.0001", "0.00001, 1e-05", "0.1, 0.1", "2.5e-7, 2.5e-07", "1e22, 1e+22", "100.0, 100.0",
      "123456789.123, 123456789.123", "-1.5, -1.5", "4.9E-324, 5e-324", "-0.0, -0.0", "0.0, 0.0",
      "NaN, nan", "Infinity, inf", "-Infinity, -inf", "1.7976931348623157E308, 1.7976931348623157e+308",
      "0.3333333333333333, 0.3333333333333333", "8.41E21, 8.41e+21", "2.82879384806159E17, 2.82879384806159e+17"})
  void floatsUsePythonsShortestRepr(double value, String expected) {
    assertThat(PyStr.floatRepr(value)).isEqualTo(expected);
    assertThat(PyStr.str(value)).isEqualTo(expected);
    assertThat(PyStr.repr(value)).isEqualTo(expected);
  }

  @Test
  void floatsFromJavaFloatsToo() {
    assertThat(PyStr.str(0.5f)).isEqualTo("0.5");
  }

  @Test
  void decimalsKeepTheirScaleAndReprAsDecimal() {
    assertThat(PyStr.str(new BigDecimal("10"))).isEqualTo("10");
    assertThat(PyStr.str(new BigDecimal("2.50"))).isEqualTo("2.50");
    assertThat(PyStr.str(new BigDecimal("1E+3"))).isEqualTo("1E+3");
    assertThat(PyStr.str(new BigDecimal("0.00000001"))).isEqualTo("1E-8");
    assertThat(PyStr.str(DecimalNaN.INSTANCE)).isEqualTo("NaN");
    assertThat(PyStr.repr(new BigDecimal("2.50"))).isEqualTo("Decimal('2.50')");
    assertThat(PyStr.repr(DecimalNaN.INSTANCE)).isEqualTo("Decimal('NaN')");
  }

  @Test
  void listsAndMapsUseReprForTheirElements() {
    List<Object> list = Arrays.asList("a", 1L, 2.5, null, true, new BigDecimal("2.50"));
    assertThat(PyStr.str(list)).isEqualTo("['a', 1, 2.5, None, True, Decimal('2.50')]");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", "b");
    map.put("n", List.of(1L, "x"));
    assertThat(PyStr.str(map)).isEqualTo("{'a': 'b', 'n': [1, 'x']}");
    assertThat(PyStr.str(List.of())).isEqualTo("[]");
    assertThat(PyStr.str(Map.of())).isEqualTo("{}");
  }

  @Test
  void itemsPrintAsDictsAndRawItemsAsTheirValue() {
    Item item = Item.of(Map.of("title", "riko")).with("author.name", "Reuben");
    assertThat(PyStr.str(item)).isEqualTo("{'title': 'riko', 'author': {'name': 'Reuben'}}");
    assertThat(PyStr.str(Item.ofValue("bare"))).isEqualTo("bare");
    assertThat(PyStr.repr(Item.ofValue("bare"))).isEqualTo("'bare'");
    assertThat(PyStr.str(Item.ofValue(null))).isEqualTo("None");
  }

  @Test
  void stringReprPicksQuotesLikePython() {
    assertThat(PyStr.repr("plain")).isEqualTo("'plain'");
    assertThat(PyStr.repr("it's")).isEqualTo("\"it's\"");
    assertThat(PyStr.repr("both ' and \"")).isEqualTo("'both \\' and \"'");
    assertThat(PyStr.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
  }

  @Test
  void stringReprEscapesWhatPythonDoesNotPrint() {
    assertThat(PyStr.repr("a\nb\tc\\d\r")).isEqualTo("'a\\nb\\tc\\\\d\\r'");
    assertThat(PyStr.repr("\u0000\u007f\u0085\u00a0")).isEqualTo("'\\x00\\x7f\\x85\\xa0'");
    assertThat(PyStr.repr("\u200b\ue000\u2028")).isEqualTo("'\\u200b\\ue000\\u2028'");
    assertThat(PyStr.repr("é 😀 中")).isEqualTo("'é 😀 中'");
  }

  @Test
  void datesAndDateTimes() {
    assertThat(PyStr.str(LocalDate.of(2020, 1, 2))).isEqualTo("2020-01-02");
    assertThat(PyStr.repr(LocalDate.of(2020, 1, 2))).isEqualTo("datetime.date(2020, 1, 2)");
    ZonedDateTime utc = ZonedDateTime.of(2020, 1, 2, 10, 0, 0, 0, ZoneOffset.UTC);
    assertThat(PyStr.str(utc)).isEqualTo("2020-01-02 10:00:00+00:00");
    assertThat(PyStr.repr(utc)).isEqualTo("datetime.datetime(2020, 1, 2, 10, 0, tzinfo=datetime.timezone.utc)");
    ZonedDateTime micros = ZonedDateTime.of(2020, 1, 2, 10, 0, 5, 120_000, ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(PyStr.str(micros)).isEqualTo("2020-01-02 10:00:05.000120+05:30");
    ZonedDateTime minusFive = ZonedDateTime.of(2020, 1, 2, 10, 0, 5, 120_000, ZoneOffset.ofHours(-5));
    assertThat(PyStr.repr(minusFive)).isEqualTo(
        "datetime.datetime(2020, 1, 2, 10, 0, 5, 120, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=68400)))");
    assertThat(PyStr.str(ZonedDateTime.of(2020, 1, 2, 10, 0, 0, 999, ZoneOffset.UTC))).isEqualTo("2020-01-02 10:00:00+00:00");
    assertThat(PyStr.str(ZonedDateTime.of(2007, 6, 7, 15, 28, 20, 0, ZoneId.of("GMT")))).isEqualTo("2007-06-07 15:28:20+00:00");
    ZonedDateTime eastern = ZonedDateTime.of(2020, 7, 1, 10, 0, 0, 0, ZoneId.of("US/Eastern"));
    assertThat(PyStr.str(eastern)).isEqualTo("2020-07-01 10:00:00-04:00");
    assertThat(PyStr.repr(eastern)).isEqualTo("datetime.datetime(2020, 7, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo(key='US/Eastern'))");
    assertThat(PyStr.str(OffsetDateTime.of(2020, 1, 2, 10, 0, 0, 0, ZoneOffset.UTC))).isEqualTo("2020-01-02 10:00:00+00:00");
  }

  @Test
  void timeTuplesPrintAsStructTime() {
    TimeTuple tuple = new TimeTuple(LocalDateTime.of(2014, 12, 2, 0, 0));
    String expected = "time.struct_time(tm_year=2014, tm_mon=12, tm_mday=2, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=1, "
        + "tm_yday=336, tm_isdst=0)";
    assertThat(PyStr.str(tuple)).isEqualTo(expected);
    assertThat(PyStr.repr(tuple)).isEqualTo(expected);
  }

  @Test
  void datesInsideListsUseTheirRepr() {
    assertThat(PyStr.str(List.of(LocalDate.of(2020, 1, 2)))).isEqualTo("[datetime.date(2020, 1, 2)]");
  }
}
