package riko.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riko.item.Item;

/** Typed conf values resolve exactly as typed values inside items do ({@code riko.value.TypedValue}). */
class ConfResolverTypedValueTest {

  private final ConfResolver resolver =
      new ConfResolver(Clock.fixed(Instant.parse("2026-08-15T00:00:00Z"), ZoneOffset.UTC));

  private Object resolve(Object value) {
    return resolver.resolveValue(value, Item.empty(), Terminals.none());
  }

  @Test
  void castNamesAreMatchedExactly() {
    assertThat(resolve(Map.of("type", "int", "value", "5"))).isEqualTo(5L);
    assertThat(resolve(Map.of("type", "INT", "value", "5"))).isEqualTo("5");
    assertThat(resolve(Map.of("type", "Text", "value", 5L))).isEqualTo(5L);
  }

  @Test
  void datesReadTheResolversClock() {
    assertThat(resolve(Map.of("type", "date", "value", "tomorrow"))).isEqualTo(LocalDate.of(2026, 8, 16));
  }

  @Test
  void locationsAndUnknownTypesAreNotCast() {
    assertThat(resolve(Map.of("type", "location", "value", "London"))).isEqualTo("London");
    assertThat(resolve(Map.of("type", "module", "value", "x"))).isEqualTo("x");
  }
}
