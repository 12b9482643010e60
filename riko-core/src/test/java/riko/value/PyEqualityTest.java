package riko.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import riko.item.Item;

class PyEqualityTest {

  @Test
  void numbersOfEveryKindCompareByValue() {
    assertThat(PyEquality.equal(1L, 1.0)).isTrue();
    assertThat(PyEquality.equal(1L, new BigDecimal("1.00"))).isTrue();
    assertThat(PyEquality.equal(1.0, new BigDecimal("1"))).isTrue();
    assertThat(PyEquality.equal(true, 1L)).isTrue();
    assertThat(PyEquality.equal(false, 0.0)).isTrue();
    assertThat(PyEquality.equal(false, new BigDecimal("0.000"))).isTrue();
    assertThat(PyEquality.equal(10L, new BigDecimal("1E+1"))).isTrue();
    assertThat(PyEquality.equal(-0.0, 0L)).isTrue();
    assertThat(PyEquality.equal(7, 7L)).isTrue();
    assertThat(PyEquality.equal(0.5f, 0.5)).isTrue();
    assertThat(PyEquality.equal(BigInteger.TEN, 10L)).isTrue();
    assertThat(PyEquality.equal(1L, 2L)).isFalse();
    assertThat(PyEquality.equal(true, 2L)).isFalse();
  }

  @Test
  void aFloatComparesByItsExactBinaryValue() {
    assertThat(PyEquality.equal(new BigDecimal("0.1"), 0.1)).isFalse();
    assertThat(PyEquality.equal(new BigDecimal(0.1), 0.1)).isTrue();
    assertThat(PyEquality.equal(new BigDecimal("0.5"), 0.5)).isTrue();
  }

  @Test
  void stringsAreNeverNumbers() {
    assertThat(PyEquality.equal("1", 1L)).isFalse();
    assertThat(PyEquality.equal("a", "a")).isTrue();
    assertThat(PyEquality.equal("a", "A")).isFalse();
  }

  @Test
  void nanEqualsNothing() {
    assertThat(PyEquality.equal(Double.NaN, Double.NaN)).isFalse();
    assertThat(PyEquality.equal(DecimalNaN.INSTANCE, DecimalNaN.INSTANCE)).isFalse();
    assertThat(PyEquality.equal(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
    assertThat(PyEquality.equal(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isFalse();
  }

  @Test
  void nullEqualsOnlyNull() {
    assertThat(PyEquality.equal(null, null)).isTrue();
    assertThat(PyEquality.equal(null, 0L)).isFalse();
    assertThat(PyEquality.equal("", null)).isFalse();
  }

  @Test
  void dateTimesCompareAsInstantsAndNeverEqualADate() {
    ZonedDateTime utc = ZonedDateTime.of(2020, 1, 1, 15, 0, 0, 0, ZoneOffset.UTC);
    assertThat(PyEquality.equal(utc, ZonedDateTime.of(2020, 1, 1, 10, 0, 0, 0, ZoneId.of("US/Eastern")))).isTrue();
    assertThat(PyEquality.equal(utc, ZonedDateTime.of(2020, 1, 1, 15, 0, 0, 0, ZoneId.of("GMT")))).isTrue();
    assertThat(PyEquality.equal(utc, OffsetDateTime.of(2020, 1, 1, 16, 0, 0, 0, ZoneOffset.ofHours(1)))).isTrue();
    assertThat(PyEquality.equal(utc, utc.plusSeconds(1))).isFalse();
    assertThat(PyEquality.equal(LocalDate.of(2020, 1, 1), ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))).isFalse();
    assertThat(PyEquality.equal(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1))).isTrue();
  }

  @Test
  void listsCompareElementByElement() {
    assertThat(PyEquality.equal(List.of(1L, "a"), List.of(1.0, "a"))).isTrue();
    assertThat(PyEquality.equal(List.of(1L, "a"), List.of("a", 1L))).isFalse();
    assertThat(PyEquality.equal(List.of(1L), List.of(1L, 1L))).isFalse();
    assertThat(PyEquality.equal(Arrays.asList(Double.NaN), Arrays.asList(Double.NaN))).isFalse();
  }

  @Test
  void mapsAndItemsCompareKeyByKeyIgnoringKeyCase() {
    assertThat(PyEquality.equal(Item.of("attr1", "v"), Item.of("ATTR1", "v"))).isTrue();
    assertThat(PyEquality.equal(Item.of("a", 1L), Map.of("A", 1.0))).isTrue();
    assertThat(PyEquality.equal(Item.of("a", 1L), Item.of("a", 2L))).isFalse();
    assertThat(PyEquality.equal(Item.of("a", 1L), Item.of("b", 1L))).isFalse();
    assertThat(PyEquality.equal(Item.of("a", 1L).with("b", 2L), Item.of("b", 2L).with("a", 1L))).isTrue();
  }

  @Test
  void aRawItemEqualsItsValue() {
    assertThat(PyEquality.equal(Item.ofValue("x"), "x")).isTrue();
    assertThat(PyEquality.equal(Item.ofValue(1L), 1.0)).isTrue();
  }

  @Test
  void keysHashLikePythonForUniqAndJoin() {
    Set<Object> seen = new HashSet<>();
    assertThat(seen.add(PyEquality.key(1L))).isTrue();
    assertThat(seen.add(PyEquality.key(1.0))).isFalse();
    assertThat(seen.add(PyEquality.key(true))).isFalse();
    assertThat(seen.add(PyEquality.key(new BigDecimal("1.0")))).isFalse();
    assertThat(seen.add(PyEquality.key("1"))).isTrue();
    assertThat(seen.add(PyEquality.key(Double.NaN))).isTrue();
    assertThat(seen.add(PyEquality.key(Double.NaN))).isTrue();
  }
}
