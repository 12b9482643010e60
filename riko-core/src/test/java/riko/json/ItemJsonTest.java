package riko.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import riko.item.Item;
import riko.value.DecimalNaN;
import riko.value.TimeTuple;

class ItemJsonTest {

  static String write(Object value) {
    return ItemJson.toJson(Item.of("v", value)).replaceFirst("^\\{\"v\":(.*)}$", "$1");
  }

  enum State { PENDING }

  @Nested
  class Writing {

    @Test
    void decimalsKeepTheirOwnDigits() {
      assertThat(write(new BigDecimal("10.00"))).isEqualTo("10.00");
      assertThat(write(new BigDecimal("1E+3"))).isEqualTo("1E+3");
      assertThat(write(BigDecimal.TEN.divide(new BigDecimal(3), new MathContext(28, RoundingMode.HALF_EVEN))))
          .isEqualTo("3.333333333333333333333333333");
      assertThat(write(new BigDecimal("-0.5"))).isEqualTo("-0.5");
      assertThat(write(DecimalNaN.INSTANCE)).isEqualTo("\"NaN\"");
    }

    @ParameterizedTest
    @CsvSource({"12.0, 12.0", "0.1, 0.1", "1e16, 1e+16", "2.5e-7, 2.5e-07", "2.82879384806159E17, 2.82879384806159e+17",
        "4.9E-324, 5e-324", "-1.5, -1.5"})
    void floatsUsePythonsDigits(double value, String expected) {
      assertThat(write(value)).isEqualTo(expected);
    }

    @Test
    void nonFiniteFloatsAreStrings() {
      assertThat(write(Double.NaN)).isEqualTo("\"NaN\"");
      assertThat(write(Double.POSITIVE_INFINITY)).isEqualTo("\"Infinity\"");
      assertThat(write(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
    }

    @Test
    void scalars() {
      assertThat(write(null)).isEqualTo("null");
      assertThat(write(true)).isEqualTo("true");
      assertThat(write(42L)).isEqualTo("42");
      assertThat(write(7)).isEqualTo("7");
      assertThat(write("Zoë & \"Co\"\n")).isEqualTo("\"Zoë & \\\"Co\\\"\\n\"");
    }

    @Test
    void datesAndDateTimes() {
      assertThat(write(LocalDate.of(1982, 5, 4))).isEqualTo("\"1982-05-04\"");
      assertThat(write(ZonedDateTime.of(1982, 5, 4, 0, 0, 0, 0, ZoneOffset.UTC))).isEqualTo("\"1982-05-04T00:00:00+00:00\"");
      assertThat(write(ZonedDateTime.of(2020, 1, 2, 10, 0, 5, 120_000, ZoneOffset.ofHours(-5))))
          .isEqualTo("\"2020-01-02T10:00:05.000120-05:00\"");
      assertThat(write(ZonedDateTime.of(2020, 1, 2, 10, 0, 5, 999, ZoneOffset.UTC)))
          .isEqualTo("\"2020-01-02T10:00:05+00:00\""); // Python has microseconds only
      assertThat(write(ZonedDateTime.of(2007, 6, 7, 15, 28, 20, 0, ZoneId.of("GMT")))).isEqualTo("\"2007-06-07T15:28:20+00:00\"");
      assertThat(write(ZonedDateTime.of(2020, 7, 1, 10, 0, 0, 0, ZoneId.of("US/Eastern")))).isEqualTo("\"2020-07-01T10:00:00-04:00\"");
      assertThat(write(OffsetDateTime.of(2020, 1, 2, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))))
          .isEqualTo("\"2020-01-02T10:00:00+05:30\"");
    }

    @Test
    void timeTuplesHaveNoOffset() {
      assertThat(write(new TimeTuple(LocalDateTime.of(2014, 12, 2, 15, 30)))).isEqualTo("\"2014-12-02T15:30:00\"");
      assertThat(write(TimeTuple.of(ZonedDateTime.of(2009, 5, 11, 22, 10, 1, 5, ZoneOffset.ofHours(2)))))
          .isEqualTo("\"2009-05-11T20:10:01\"");
    }

    @Test
    void listsMapsAndItemsNest() {
      assertThat(write(Arrays.asList(1L, "a", null, List.of()))).isEqualTo("[1,\"a\",null,[]]");
      assertThat(ItemJson.toJson(Item.of("a", Map.of("b", List.of(Map.of("c", 1)))))).isEqualTo("{\"a\":{\"b\":[{\"c\":1}]}}");
      assertThat(ItemJson.toJson(Item.empty())).isEqualTo("{}");
    }

    @Test
    void keysKeepTheirLatestSpellingAndOrder() {
      Item item = Item.of("b", 1L).put("A", 2L).put("B", 3L);
      assertThat(ItemJson.toJson(item)).isEqualTo("{\"B\":3,\"A\":2}");
    }

    @Test
    void aRawItemIsItsBareValue() {
      assertThat(ItemJson.toJson(Item.ofValue("http://x"))).isEqualTo("\"http://x\"");
      assertThat(ItemJson.toJson(Item.ofValue(5L))).isEqualTo("5");
      assertThat(ItemJson.toJson(Item.ofValue(null))).isEqualTo("null");
      assertThat(ItemJson.toJson(Item.ofValue(new BigDecimal("2.50")))).isEqualTo("2.50");
    }

    @Test
    void bytesAreUtf8TextAndEnumsTheirName() {
      assertThat(write("é".getBytes(StandardCharsets.UTF_8))).isEqualTo("\"é\"");
      assertThat(write(new byte[] {(byte) 0xff})).isEqualTo("\"\uFFFD\"");
      assertThat(ItemJson.toJson(Item.of("state", State.PENDING))).isEqualTo("{\"state\":\"PENDING\"}");
    }

    @Test
    void writeLeavesTheWriterOpen() {
      StringWriter out = new StringWriter();
      Writer writer = new java.io.FilterWriter(out) {
        @Override
        public void close() {
          throw new AssertionError("closed");
        }
      };
      ItemJson.write(Item.of("a", 1L), writer);
      assertThat(out).hasToString("{\"a\":1}");
    }
  }

  @Nested
  class Reading {

    @Test
    void objectsBecomeItemsInDocumentOrder() {
      Item item = (Item) ItemJson.parse("{\"z\": 1, \"a\": {\"y\": true, \"b\": null}}");
      assertThat(item.keys()).containsExactly("z", "a");
      assertThat(((Item) item.get("a")).keys()).containsExactly("y", "b");
      assertThat(item.get("a.y")).isEqualTo(true);
    }

    @Test
    void numbers() {
      Item item = (Item) ItemJson.parse("{\"i\": 10, \"f\": 1.0, \"e\": 1e5, \"big\": 123456789012345678901234567890}");
      assertThat(item.get("i")).isEqualTo(10L);
      assertThat(item.get("f")).isEqualTo(1.0);
      assertThat(item.get("e")).isEqualTo(100000.0);
      assertThat(item.get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void dottedKeysNestAndTypedValuesCollapse() {
      Item item = (Item) ItemJson.parse("{\"a.b\": 1, \"c\": {\"type\": \"int\", \"value\": \"5\"}}");
      assertThat(ItemJson.toJson(item)).isEqualTo("{\"a\":{\"b\":1},\"c\":5}");
    }

    @Test
    void arraysAndScalarsAtTheTop() {
      assertThat(ItemJson.parse("[1, \"a\", [true]]")).isEqualTo(List.of(1L, "a", List.of(true)));
      assertThat(ItemJson.parse("\"text\"")).isEqualTo("text");
      assertThat(ItemJson.parse("null")).isNull();
      assertThat(ItemJson.parse("\"\\u00e9\"")).isEqualTo("é");
    }

    @Test
    void badDocumentsFail() {
      assertThatThrownBy(() -> ItemJson.parse("")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ItemJson.parse("{\"a\": ")).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("invalid JSON");
    }

    @Test
    void roundTrips() {
      String json = "{\"title\":\"riko\",\"n\":[1,2.5,null,{\"deep\":false}],\"d\":10.00}";
      Object parsed = ItemJson.parse(json.replace("10.00", "10"));
      assertThat(ItemJson.toJson((Item) parsed)).isEqualTo(json.replace("10.00", "10"));
    }
  }
}
