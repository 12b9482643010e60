package riko.modules.source;

import static org.assertj.core.api.Assertions.assertThat;
import static riko.testing.ModuleRunner.conf;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.Count;
import riko.item.Item;
import riko.json.ItemJson;
import riko.modules.operator.Truncate;
import riko.spi.ModuleCall;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;

class ForeverTest {

  private static final Item FOREVER = Item.of("forever", true);

  private final Forever forever = new Forever();

  private Flux<Item> endless(ModuleCall call) {
    return Flux.just(Item.empty()).transform(forever.create(call));
  }

  @Test
  void declaresRikosDefaults() {
    assertThat(forever.name()).isEqualTo("forever");
    assertThat(forever.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(forever.metadata().loopable()).isTrue();
    assertThat(forever.spec().assign()).isEqualTo("content");
    assertThat(forever.spec().alwaysEmit()).isTrue();
    assertThat(forever.spec().defaults()).isEmpty();
  }

  @Test
  void emitsForeverTrueWithoutEnd() {
    StepVerifier.create(endless(ModuleCall.of("forever", conf("{}"))).take(1000))
        .expectNextCount(1000)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(endless(ModuleCall.of("forever", conf("{}"))).take(2).map(ItemJson::toJson).collectList().block(ModuleRunner.TIMEOUT))
        .containsExactly("{\"forever\":true}", "{\"forever\":true}");
  }

  @Test
  void producesOnlyWhatIsRequested() {
    StepVerifier.create(endless(ModuleCall.of("forever", conf("{}"))), 0)
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(50))
        .thenRequest(2)
        .expectNext(FOREVER, FOREVER)
        .thenRequest(1)
        .expectNext(FOREVER)
        .expectNoEvent(Duration.ofMillis(50))
        .thenCancel()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void conformanceForeverTruncate() {
    Flux<Item> three = endless(ModuleCall.of("forever", conf("{}")))
        .transform(new Truncate().create(ModuleCall.of("truncate", conf("{\"count\": {\"type\": \"int\", \"value\": \"3\"}}"))));
    assertThat(three.map(ItemJson::toJson).collectList().block(ModuleRunner.TIMEOUT))
        .containsExactly("{\"forever\":true}", "{\"forever\":true}", "{\"forever\":true}");
  }

  @Test
  void confIsIgnored() {
    StepVerifier.create(endless(ModuleCall.of("forever", conf("{\"anything\": 1}"))).take(1))
        .expectNext(FOREVER)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emitsAnEndlessStreamPerInputItem() {
    Flux<Item> input = Flux.just(Item.of("n", 1L), Item.of("n", 2L));
    StepVerifier.create(input.transform(forever.create(ModuleCall.of("forever", conf("{}")))).take(5))
        .expectNext(FOREVER, FOREVER, FOREVER, FOREVER, FOREVER)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void countFirstEndsAfterOneItem() {
    ModuleCall call = ModuleCall.of("forever", conf("{}")).withOptions(CallOptions.none().withCount(Count.FIRST));
    StepVerifier.create(endless(call))
        .expectNext(FOREVER)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void noInputNoOutput() {
    StepVerifier.create(Flux.<Item>empty().transform(forever.create(ModuleCall.of("forever", conf("{}")))))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }
}
