package riko.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.registry.UnknownModuleException;
import riko.testing.ModuleRunner;
import riko.testing.TestModules;

class PipeTest {

  private Pipe numbers(int count) {
    return Pipe.start().withRegistry(TestModules.registry()).pipe("numbers", Map.of("count", count));
  }

  @Test
  void asyncAndBlockingFacesGiveTheSameItems() {
    Pipe pipe = numbers(5).pipe("upper", Map.of(), CallOptions.none().withField("n")).truncate(3);
    List<Item> blocking = pipe.toList();
    StepVerifier.create(pipe.flux()).expectNextSequence(blocking).expectComplete().verify(ModuleRunner.TIMEOUT);
    assertThat(blocking).extracting(i -> i.get("upper")).containsExactly("1", "2", "3");
    assertThat(pipe.stream().collect(Collectors.toList())).isEqualTo(blocking);
    List<Item> iterated = new java.util.ArrayList<>();
    pipe.toIterable().forEach(iterated::add);
    assertThat(iterated).isEqualTo(blocking);
  }

  @Test
  void pipesAreImmutableAndRunAfreshOnEachSubscription() {
    Pipe base = numbers(4);
    Pipe cut = base.truncate(1);
    assertThat(base.toList()).hasSize(4);
    assertThat(cut.toList()).hasSize(1);
    assertThat(cut.toList()).hasSize(1);
  }

  @Test
  void fromWrapsRawValuesAsContentItems() {
    Pipe pipe = Pipe.from(List.of("a", Map.of("content", "b"))).withRegistry(TestModules.registry()).pipe("upper");
    assertThat(pipe.toList()).extracting(i -> i.get("upper")).containsExactly("A", "B");
  }

  @Test
  void unionWithOtherPipesKeepsTheirOrder() {
    Pipe pipe = numbers(2).pipe("concat", Map.of(), CallOptions.none(), Map.of(), List.of(numbers(1), numbers(2)));
    assertThat(pipe.toList()).extracting(i -> i.get("n")).containsExactly(1L, 2L, 1L, 1L, 2L);
  }

  @Test
  void unknownModulesAndBadConfFailAtTheChainingCall() {
    assertThatThrownBy(() -> numbers(1).pipe("nope")).isInstanceOf(UnknownModuleException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> numbers(1).truncate(-1)).isInstanceOf(ConfException.class);
  }

  @Test
  void aPipeOverAFluxStreamsLazily() {
    Flux<Item> endless = Flux.generate(sink -> sink.next(Item.of("x", 1L)));
    StepVerifier.create(Pipe.from(endless).withRegistry(TestModules.registry()).truncate(2).flux())
        .expectNextCount(2).expectComplete().verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void toListGivesUpAfterItsTimeoutWithAClearMessage() {
    Pipe endless = Pipe.from(Flux.<Item>never());
    assertThatThrownBy(() -> endless.toList(java.time.Duration.ofMillis(50)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the pipe did not finish within PT0.05S and was cancelled; toList(Duration) waits longer");
  }

  @Test
  void aModuleInstanceChainsWithoutTheRegistry() {
    Pipe pipe = Pipe.from(List.of("a", "b")).pipe(new TestModules.Upper(), Map.of(), CallOptions.none().withAssign("up"));
    assertThat(pipe.toList()).extracting(i -> i.get("up")).containsExactly("A", "B");
  }

  @Test
  void aLoopNeedsALoopModuleInTheRegistry() {
    assertThatThrownBy(() -> numbers(1).loop("upper", Map.of(), CallOptions.none()))
        .isInstanceOf(UnknownModuleException.class).hasMessageContaining("loop");
  }
}
