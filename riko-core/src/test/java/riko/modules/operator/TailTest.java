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
import riko.json.ItemJson;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class TailTest {

  private final Tail tail = new Tail();
  private final List<Item> five = items("[{\"x\": 0}, {\"x\": 1}, {\"x\": 2}, {\"x\": 3}, {\"x\": 4}]");

  @Test
  void keepsTheLastCountItems() {
    assertThat(json(tail, conf("{\"count\": 2}"), five)).containsExactly("{\"x\":3}", "{\"x\":4}");
  }

  @Test
  void conformanceTail2() {
    assertThat(json(tail, conf("{\"count\": {\"type\": \"int\", \"value\": \"2\"}}"), People.all()))
        .isEqualTo(List.of(ItemJson.toJson(People.all().get(4)), ItemJson.toJson(People.all().get(5))));
  }

  @Test
  void withoutCountTheOutputIsEmpty() {
    assertThat(json(tail, conf("{}"), items("[{\"x\": 1}, {\"x\": 2}]"))).isEmpty();
  }

  @Test
  void aCountLargerThanTheStreamKeepsEverything() {
    assertThat(json(tail, conf("{\"count\": \"10.7\"}"), five)).hasSize(5);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(tail, conf("{\"count\": 2}"), List.of())).isEmpty();
  }

  @Test
  void countMayComeFromATerminal() {
    ModuleCall call = ModuleCall.of("tail", conf("{\"count\": {\"terminal\": \"n\", \"type\": \"int\"}}"))
        .withTerminals(Map.of("n", Flux.just(Item.ofValue(1L))));
    StepVerifier.create(Flux.fromIterable(five).transform(tail.create(call)))
        .expectNext(five.get(4))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emitsOnlyOnceTheInputCompletes() {
    StepVerifier.create(Flux.fromIterable(five).concatWith(Flux.never()).transform(tail.create(ModuleCall.of("tail", conf("{\"count\": 1}")))))
        .expectSubscription()
        .expectNoEvent(java.time.Duration.ofMillis(100))
        .thenCancel()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void negativeCountFailsAtAssembly() {
    assertThatThrownBy(() -> tail.create(ModuleCall.of("tail", conf("{\"count\": -2}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("count");
  }

  @Test
  void upstreamErrorsPassThrough() {
    Flux<Item> failing = Flux.concat(Flux.fromIterable(five), Flux.error(new IllegalStateException("boom")));
    StepVerifier.create(failing.transform(tail.create(ModuleCall.of("tail", conf("{\"count\": 2}")))))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
