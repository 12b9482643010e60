package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.ConfException;
import riko.item.Item;
import riko.json.ItemJson;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class UniqTest {

  private final Uniq uniq = new Uniq();

  private List<String> run(String conf, String input) {
    return json(uniq, conf(conf), items(input));
  }

  private static List<String> lines(String jsonArray) {
    return items(jsonArray).stream().map(ItemJson::toJson).toList();
  }

  static Stream<Arguments> specExamples() {
    return Stream.of(
        Arguments.of("{\"uniq_key\": \"mod\"}",
            "[{\"x\": 0, \"mod\": 0}, {\"x\": 1, \"mod\": 1}, {\"x\": 2, \"mod\": 0}, {\"x\": 3, \"mod\": 1}, {\"x\": 4, \"mod\": 0}]",
            "[{\"x\": 0, \"mod\": 0}, {\"x\": 1, \"mod\": 1}]"),
        Arguments.of("{}", "[{\"content\": 0, \"mod\": 0}, {\"content\": 1, \"mod\": 1}, {\"content\": 2, \"mod\": 0}]",
            "[{\"content\": 0, \"mod\": 0}, {\"content\": 1, \"mod\": 1}, {\"content\": 2, \"mod\": 0}]"),
        Arguments.of("{\"uniq_key\": \"c\"}", "[{\"c\": 1}, {\"c\": true}, {\"c\": 1.0}, {}, {}, {\"c\": \"1\"}]",
            "[{\"c\": 1}, {}, {\"c\": \"1\"}]"),
        Arguments.of("{\"limit\": 1}", "[{\"content\": \"a\"}, {\"content\": \"b\"}, {\"content\": \"a\"}]",
            "[{\"content\": \"a\"}, {\"content\": \"b\"}, {\"content\": \"a\"}]"));
  }

  @ParameterizedTest
  @MethodSource("specExamples")
  void matchesTheSpecExamples(String conf, String input, String output) {
    assertThat(run(conf, input)).isEqualTo(lines(output));
  }

  @Test
  void conformanceUniqKeyIsCaseSensitive() {
    List<String> out = json(uniq, conf("{\"uniq_key\": {\"type\": \"text\", \"value\": \"city\"}}"), People.all());
    assertThat(out).isEqualTo(lines("[" + String.join(",", People.P1, People.P2, People.P3, People.P5) + "]"));
  }

  @Test
  void theWindowForgetsTheOldestDistinctValue() {
    assertThat(run("{\"limit\": 2}", "[{\"content\": \"a\"}, {\"content\": \"b\"}, {\"content\": \"a\"},"
        + " {\"content\": \"c\"}, {\"content\": \"b\"}, {\"content\": \"a\"}]"))
        .isEqualTo(lines("[{\"content\": \"a\"}, {\"content\": \"b\"}, {\"content\": \"c\"}, {\"content\": \"a\"}]"));
  }

  @Test
  void limitZeroKeepsEverything() {
    assertThat(run("{\"limit\": 0}", "[{\"content\": \"a\"}, {\"content\": \"a\"}]")).hasSize(2);
  }

  @Test
  void nestedMapsAndListsCompareByValue() {
    assertThat(run("{\"uniq_key\": \"v\"}", "[{\"v\": {\"a\": 1}}, {\"v\": {\"A\": 1.0}}, {\"v\": [1, 2]}, {\"v\": [1, 2]}, {\"v\": [2, 1]}]"))
        .isEqualTo(lines("[{\"v\": {\"a\": 1}}, {\"v\": [1, 2]}, {\"v\": [2, 1]}]"));
  }

  @Test
  void dottedKeysReadNestedValues() {
    assertThat(run("{\"uniq_key\": \"a.b\"}", "[{\"a\": {\"b\": 1}, \"i\": 1}, {\"a\": {\"b\": 1}, \"i\": 2}, {\"a\": {\"b\": 2}, \"i\": 3}]"))
        .isEqualTo(lines("[{\"a\": {\"b\": 1}, \"i\": 1}, {\"a\": {\"b\": 2}, \"i\": 3}]"));
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(run("{}", "[]")).isEmpty();
  }

  @Test
  void isLazyOnAnEndlessSource() {
    Flux<Item> endless = Flux.<Item, Long>generate(() -> 0L, (n, sink) -> {
      sink.next(Item.of("content", n % 3));
      return n + 1;
    });
    StepVerifier.create(endless.transform(uniq.create(ModuleCall.of("uniq", conf("{}")))).take(3))
        .expectNext(Item.of("content", 0L), Item.of("content", 1L), Item.of("content", 2L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void eachSubscriptionStartsWithAnEmptyWindow() {
    Flux<Item> out = Flux.fromIterable(items("[{\"content\": 1}, {\"content\": 1}]")).transform(uniq.create(ModuleCall.of("uniq", conf("{}"))));
    StepVerifier.create(out).expectNextCount(1).expectComplete().verify(ModuleRunner.TIMEOUT);
    StepVerifier.create(out).expectNextCount(1).expectComplete().verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void negativeLimitFailsAtAssembly() {
    assertThatThrownBy(() -> uniq.create(ModuleCall.of("uniq", conf("{\"limit\": -1}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("limit")
        .hasMessageContaining("-1");
  }
}
