package riko.spi;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class InOrderTest {

  /** Input n is answered after n seconds; a negative input fails after -n seconds. */
  private static Mono<String> delayed(int n) {
    return Mono.delay(Duration.ofSeconds(Math.abs(n)))
        .flatMap(tick -> n < 0 ? Mono.<String>error(new IllegalStateException("bad " + n)) : Mono.just("v" + n));
  }

  @Test
  void valuesComeInInputOrderWhileInputsRunConcurrently() {
    StepVerifier.withVirtualTime(() -> InOrder.flatMap(Flux.just(3, 1, 2), InOrderTest::delayed, 3))
        .thenAwait(Duration.ofSeconds(3))
        .expectNext("v3", "v1", "v2")
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void theConcurrencyBoundsHowManyRunAtOnce() {
    StepVerifier.withVirtualTime(() -> InOrder.flatMap(Flux.just(2, 2, 2), InOrderTest::delayed, 2))
        .thenAwait(Duration.ofSeconds(2))
        .expectNext("v2", "v2")
        .expectNoEvent(Duration.ofSeconds(1))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext("v2")
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void aFailureWaitsForTheValuesOfEarlierInputs() {
    StepVerifier.withVirtualTime(() -> InOrder.flatMap(Flux.just(3, -1, 5), InOrderTest::delayed, 3))
        .thenAwait(Duration.ofSeconds(3))
        .expectNext("v3")
        .expectErrorMessage("bad -1")
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void anInputErrorWaitsForTheValuesOfEveryEarlierInput() {
    Flux<Integer> input = Flux.just(2, 1).concatWith(Flux.error(new IllegalStateException("input broke")));
    StepVerifier.withVirtualTime(() -> InOrder.flatMap(input, InOrderTest::delayed, 3))
        .thenAwait(Duration.ofSeconds(2))
        .expectNext("v2", "v1")
        .expectErrorMessage("input broke")
        .verify(Duration.ofSeconds(5));
  }
}
