package riko.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedValueTest {

  @Test
  void recognisesExactlyValueOrTypeAndValue() {
    assertThat(TypedValue.isTypedValue(Map.of("value", "x"))).isTrue();
    assertThat(TypedValue.isTypedValue(Map.of("type", "int", "value", "5"))).isTrue();
    assertThat(TypedValue.isTypedValue(Map.of("TYPE", "int", "Value", "5"))).isTrue();
    assertThat(TypedValue.isTypedValue(Map.of("type", "int"))).isFalse();
    assertThat(TypedValue.isTypedValue(Map.of("permalink", "false", "value", "http://x"))).isFalse();
    assertThat(TypedValue.isTypedValue(Map.of("type", "int", "value", "5", "extra", 1L))).isFalse();
    assertThat(TypedValue.isTypedValue(Map.of())).isFalse();
  }

  @Test
  void castsByTheNamedType() {
    assertThat(TypedValue.collapse(Map.of("type", "int", "value", "5"))).isEqualTo(5L);
    assertThat(TypedValue.collapse(Map.of("type", "text", "value", 5L))).isEqualTo("5");
    assertThat(TypedValue.collapse(Map.of("type", "none", "value", "x"))).isNull();
    assertThat(TypedValue.collapse(Map.of("type", "url", "value", "example.com"))).isEqualTo("http://example.com");
    Clock clock = Clock.fixed(Instant.parse("2026-08-15T00:00:00Z"), ZoneOffset.UTC);
    assertThat(TypedValue.collapse(Map.of("type", "date", "value", "tomorrow"), clock)).isEqualTo(LocalDate.of(2026, 8, 16));
  }

  @Test
  void leavesTheValueUncastWhenThereIsNothingToCastTo() {
    assertThat(TypedValue.collapse(Map.of("value", "5"))).isEqualTo("5");
    assertThat(TypedValue.collapse(Map.of("type", "text", "value", "as is"))).isEqualTo("as is");
    assertThat(TypedValue.collapse(Map.of("type", "location", "value", "London"))).isEqualTo("London");
    assertThat(TypedValue.collapse(Map.of("type", "module", "value", "5"))).isEqualTo("5");
    assertThat(TypedValue.collapse(Map.of("type", "unknown", "value", "5"))).isEqualTo("5");
    assertThat(TypedValue.collapse(Map.of("type", "INT", "value", "5"))).isEqualTo("5");
    assertThat(TypedValue.collapse(Map.of("type", "", "value", "5"))).isEqualTo("5");
    assertThat(TypedValue.collapse(Map.of("type", List.of("int"), "value", "5"))).isEqualTo("5");
    Map<String, Object> nullType = new HashMap<>();
    nullType.put("type", null);
    nullType.put("value", "5");
    assertThat(TypedValue.collapse(nullType)).isEqualTo("5");
  }

  @Test
  void keysAreMatchedIgnoringCase() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("Type", "int");
    map.put("VALUE", "7.5");
    assertThat(TypedValue.collapse(map)).isEqualTo(7L);
  }
}
