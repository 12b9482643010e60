package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.item.Item;
import riko.json.ItemJson;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class UnionTest {

  private final Union union = new Union();

  private Flux<Item> run(List<Item> input, List<Flux<Item>> others) {
    return Flux.fromIterable(input).transform(union.create(ModuleCall.of("union", conf("{}")).withOthers(others)));
  }

  @Test
  void mainInputThenEachOtherInOrder() {
    List<Item> out = run(items("[{\"x\": 0}, {\"x\": 1}]"),
        List.of(Flux.fromIterable(items("[{\"x\": 5}, {\"x\": 6}]")), Flux.fromIterable(items("[{\"x\": 10}]"))))
        .collectList().block(ModuleRunner.TIMEOUT);
    assertThat(out).extracting(ItemJson::toJson)
        .containsExactly("{\"x\":0}", "{\"x\":1}", "{\"x\":5}", "{\"x\":6}", "{\"x\":10}");
  }

  @Test
  void anEmptyMainInputYieldsTheOthers() {
    StepVerifier.create(run(List.of(), List.of(Flux.just(Item.of("x", 2L)))))
        .expectNext(Item.of("x", 2L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void conformanceUnionWireOrderIsTheOrderOfOthers() {
    StepVerifier.create(run(List.of(Item.of("x", "a")), List.of(Flux.just(Item.of("x", "c")), Flux.just(Item.of("x", "b")))))
        .expectNext(Item.of("x", "a"), Item.of("x", "c"), Item.of("x", "b"))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void withoutOthersItIsTheMainInput() {
    StepVerifier.create(run(People.numbers(), List.of())).expectNextSequence(People.numbers()).expectComplete().verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void isLazyAndDoesNotSubscribeTheOthersWhenCancelledEarly() {
    AtomicBoolean subscribed = new AtomicBoolean();
    Flux<Item> other = Flux.just(Item.of("x", 9L)).doOnSubscribe(s -> subscribed.set(true));
    Flux<Item> endless = Flux.generate(sink -> sink.next(Item.of("x", 0L)));
    StepVerifier.create(endless.transform(union.create(ModuleCall.of("union", conf("{}")).withOthers(List.of(other)))).take(3))
        .expectNextCount(3)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(subscribed).isFalse();
  }

  @Test
  void anErrorInAnOtherStreamComesAfterEarlierItems() {
    StepVerifier.create(run(List.of(Item.of("x", 0L)), List.of(Flux.error(new IllegalStateException("boom")))))
        .expectNext(Item.of("x", 0L))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
