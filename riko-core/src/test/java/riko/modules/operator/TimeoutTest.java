package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import riko.conf.ConfException;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class TimeoutTest {

  private final Timeout timeout = new Timeout();

  private static Flux<Item> everyHundredMillis() {
    return Flux.interval(Duration.ofMillis(100)).map(n -> Item.of("n", n));
  }

  @Test
  void passesItemsUntilTheBudgetIsSpent() {
    ModuleCall call = ModuleCall.of("timeout", conf("{\"milliseconds\": \"250\"}"));
    StepVerifier.withVirtualTime(() -> everyHundredMillis().transform(timeout.create(call)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(100))
        .expectNext(Item.of("n", 0L))
        .thenAwait(Duration.ofMillis(100))
        .expectNext(Item.of("n", 1L))
        .thenAwait(Duration.ofMillis(50))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anEmptyInputCompletesAtOnce() {
    ModuleCall call = ModuleCall.of("timeout", conf("{\"seconds\": 5}"));
    StepVerifier.withVirtualTime(() -> Flux.<Item>empty().transform(timeout.create(call)))
        .expectSubscription()
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void theClockStartsAtSubscriptionNotAtAssembly() {
    ModuleCall call = ModuleCall.of("timeout", conf("{\"milliseconds\": 950}"));
    StepVerifier.withVirtualTime(() -> {
          Flux<Item> assembled = everyHundredMillis().transform(timeout.create(call));
          return Mono.delay(Duration.ofHours(1)).thenMany(assembled);
        })
        .thenAwait(Duration.ofHours(1))
        .thenAwait(Duration.ofMillis(950))
        .expectNextCount(9)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void theDeadlineEndsAReadThatIsStillWaiting() {
    ModuleCall call = ModuleCall.of("timeout", conf("{\"seconds\": 1}"));
    StepVerifier.withVirtualTime(() -> Flux.<Item>never().transform(timeout.create(call)))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(999))
        .thenAwait(Duration.ofMillis(1))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anItemAfterTheDeadlineIsDropped() {
    ModuleCall call = ModuleCall.of("timeout", conf("{\"milliseconds\": 50}"));
    StepVerifier.withVirtualTime(() -> Flux.just(Item.of("late", true)).delayElements(Duration.ofMillis(60)).transform(timeout.create(call)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(50))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void unitsAddUpAndTruncateToMilliseconds() {
    Timeout.Conf conf = Timeout.Conf.from(new ResolvedConf("timeout", Map.of(
        "weeks", 1L, "days", "1", "hours", 1L, "minutes", 1L, "seconds", 1L, "milliseconds", 1L, "microseconds", 1999L)));
    assertThat(conf.budget()).isEqualTo(Duration.ofDays(8).plusHours(1).plusMinutes(1).plusSeconds(1).plusMillis(2));
  }

  @Test
  void negativePartsFloorLikePython() {
    assertThat(Timeout.Conf.from(new ResolvedConf("timeout", Map.of("seconds", 1L, "microseconds", -1500L))).budget())
        .isEqualTo(Duration.ofMillis(998));
  }

  @Test
  void conformanceNoKeysMeansNoLimit() {
    ModuleCall call = ModuleCall.of("timeout", conf("{}"));
    StepVerifier.withVirtualTime(() -> everyHundredMillis().take(5).transform(timeout.create(call)))
        .expectSubscription()
        .thenAwait(Duration.ofDays(1))
        .expectNextCount(5)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    StepVerifier.create(Flux.fromIterable(People.numbers()).transform(timeout.create(call)))
        .expectNextSequence(People.numbers())
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void aNegativeBudgetMeansNoLimit() {
    ModuleCall call = ModuleCall.of("timeout", conf("{\"seconds\": -5}"));
    StepVerifier.withVirtualTime(() -> everyHundredMillis().take(3).transform(timeout.create(call)))
        .thenAwait(Duration.ofSeconds(1))
        .expectNextCount(3)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void otherKeysFailAtAssemblyNamingThem() {
    assertThatThrownBy(() -> timeout.create(ModuleCall.of("timeout", conf("{\"seconds\": 1, \"years\": 1}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'years'")
        .hasMessageContaining("microseconds");
  }

  @Test
  void upstreamErrorsBeforeTheDeadlinePassThrough() {
    ModuleCall call = ModuleCall.of("timeout", conf("{\"seconds\": 10}"));
    StepVerifier.create(Flux.concat(Flux.just(Item.of("n", 1L)), Flux.<Item>error(new IllegalStateException("boom"))).transform(timeout.create(call)))
        .expectNext(Item.of("n", 1L))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
