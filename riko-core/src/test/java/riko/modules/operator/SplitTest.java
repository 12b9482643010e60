package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleType;
import riko.testing.ModuleRunner;

class SplitTest {

  private final Split split = new Split();
  private final List<Item> two = items("[{\"x\": 0}, {\"x\": 1}]");

  @Test
  void isTheSplitter() {
    assertThat(split.metadata().type()).isEqualTo(ModuleType.SPLITTER);
    assertThat(split.name()).isEqualTo("split");
  }

  @Test
  void asAModuleItPassesItsInputThroughUnchanged() {
    StepVerifier.create(Flux.fromIterable(two).transform(split.create(ModuleCall.of("split", conf("{}")))))
        .expectNextSequence(two)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anEmptyInputGivesEmptyCopies() {
    StepVerifier.create(Flux.<Item>empty().transform(split.create(ModuleCall.of("split", conf("{}")))))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    for (Flux<Item> copy : Split.copies(Flux.empty(), new Split.Conf(2))) {
      StepVerifier.create(copy).expectComplete().verify(ModuleRunner.TIMEOUT);
    }
  }

  @Test
  void ignoresEmitAndAssign() {
    ModuleCall call = ModuleCall.of("split", conf("{}")).withOptions(CallOptions.none().withEmit(false).withAssign("x"));
    StepVerifier.create(Flux.fromIterable(two).transform(split.create(call)))
        .expectNextSequence(two)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void copiesReplayTheWholeStreamFromOneSubscription() {
    AtomicInteger subscriptions = new AtomicInteger();
    Flux<Item> source = Flux.fromIterable(two).doOnSubscribe(s -> subscriptions.incrementAndGet());
    List<Flux<Item>> copies = Split.copies(source, new Split.Conf(3));
    assertThat(copies).hasSize(3);
    for (Flux<Item> copy : copies) {
      StepVerifier.create(copy).expectNextSequence(two).expectComplete().verify(ModuleRunner.TIMEOUT);
    }
    assertThat(subscriptions).hasValue(1);
  }

  @Test
  void splitsIsCastAndDefaultsToTwo() {
    assertThat(Split.Conf.from(new riko.conf.ResolvedConf("split", java.util.Map.of("splits", "3"))).splits()).isEqualTo(3);
    assertThatThrownBy(() -> split.create(ModuleCall.of("split", conf("{\"splits\": \"0\"}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("splits");
    split.create(ModuleCall.of("split", conf("{}")));
  }
}
