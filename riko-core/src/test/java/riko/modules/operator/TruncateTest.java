package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.ConfException;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class TruncateTest {

  private final Truncate truncate = new Truncate();
  private final List<Item> five = items("[{\"x\":0},{\"x\":1},{\"x\":2},{\"x\":3},{\"x\":4}]");

  @Test
  void keepsTheFirstCountItems() {
    assertThat(json(truncate, conf("{\"count\": \"4\"}"), five))
        .containsExactly("{\"x\":0}", "{\"x\":1}", "{\"x\":2}", "{\"x\":3}");
  }

  @Test
  void skipsStartItemsFirst() {
    assertThat(json(truncate, conf("{\"count\": \"2\", \"start\": \"2\"}"), five))
        .containsExactly("{\"x\":2}", "{\"x\":3}");
  }

  @Test
  void withoutCountTheOutputIsEmpty() {
    assertThat(json(truncate, conf("{}"), five)).isEmpty();
  }

  @Test
  void typedCountIsCast() {
    assertThat(json(truncate, conf("{\"count\": {\"type\": \"float\", \"value\": \"3\"}}"), five)).hasSize(3);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(truncate, conf("{\"count\": 3}"), List.of())).isEmpty();
  }

  @Test
  void stopsAnEndlessSource() {
    Flux<Item> endless = Flux.generate(sink -> sink.next(Item.of("forever", true)));
    StepVerifier.create(endless.transform(truncate.create(ModuleCall.of("truncate", conf("{\"count\": 3}")))))
        .expectNextCount(3)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void countMayComeFromATerminal() {
    ModuleCall call = ModuleCall.of("truncate", conf("{\"count\": {\"terminal\": \"count\", \"type\": \"int\"}}"))
        .withTerminals(Map.of("count", Flux.just(Item.ofValue(2L))));
    StepVerifier.create(Flux.fromIterable(five).transform(truncate.create(call)))
        .expectNext(five.get(0), five.get(1))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void negativeCountFailsAtAssemblyNamingTheKey() {
    assertThatThrownBy(() -> truncate.create(ModuleCall.of("truncate", conf("{\"count\": -1}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("count")
        .hasMessageContaining("-1");
  }

  @Test
  void upstreamErrorsPassThroughAfterEmittedItems() {
    Flux<Item> failing = Flux.concat(Flux.just(five.get(0)), Flux.error(new IllegalStateException("boom")));
    StepVerifier.create(failing.transform(truncate.create(ModuleCall.of("truncate", conf("{\"count\": 3}")))))
        .expectNext(five.get(0))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
