package riko.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import riko.item.Item;

class TruthinessTest {

  static Stream<Arguments> falsy() {
    return Stream.of(
        Arguments.of((Object) null), Arguments.of(false), Arguments.of(0L), Arguments.of(0), Arguments.of(0.0),
        Arguments.of(-0.0), Arguments.of(0.0f), Arguments.of(BigDecimal.ZERO), Arguments.of(new BigDecimal("0.000")),
        Arguments.of(new BigDecimal("0E+5")), Arguments.of(BigInteger.ZERO), Arguments.of(""), Arguments.of(List.of()),
        Arguments.of(Map.of()), Arguments.of(Item.empty()), Arguments.of(Item.ofValue("")), Arguments.of(Item.ofValue(0L)),
        Arguments.of(new StringBuilder()));
  }

  static Stream<Arguments> truthy() {
    return Stream.of(
        Arguments.of(true), Arguments.of(1L), Arguments.of(-1L), Arguments.of(0.5), Arguments.of(0.5f),
        Arguments.of(1e-300), Arguments.of(Double.NaN), Arguments.of(Double.NEGATIVE_INFINITY),
        Arguments.of(DecimalNaN.INSTANCE), Arguments.of(new BigDecimal("0.01")),
        Arguments.of(BigInteger.ONE.shiftLeft(64)), Arguments.of("false"), Arguments.of("0"), Arguments.of(" "),
        Arguments.of(List.of("")), Arguments.of(Map.of("a", 0L)), Arguments.of(Item.of("a", null)),
        Arguments.of(Item.ofValue("x")), Arguments.of(LocalDate.of(1970, 1, 1)),
        Arguments.of(ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
        Arguments.of(new TimeTuple(LocalDateTime.of(1970, 1, 1, 0, 0))));
  }

  @ParameterizedTest
  @MethodSource("falsy")
  void falseValues(Object value) {
    assertThat(Truthiness.isTruthy(value)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("truthy")
  void trueValues(Object value) {
    assertThat(Truthiness.isTruthy(value)).isTrue();
  }
}
