package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.json.ItemJson;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class ReverseTest {

  private final Reverse reverse = new Reverse();

  @Test
  void reversesTheStream() {
    assertThat(json(reverse, conf("{}"), items("[{\"x\": 0}, {\"x\": 1}, {\"x\": 2}, {\"x\": 3}, {\"x\": 4}]")))
        .containsExactly("{\"x\":4}", "{\"x\":3}", "{\"x\":2}", "{\"x\":1}", "{\"x\":0}");
  }

  @Test
  void conformanceReverseBasic() {
    List<Item> numbers = People.numbers();
    List<String> expected = new java.util.ArrayList<>(numbers.stream().map(ItemJson::toJson).toList());
    java.util.Collections.reverse(expected);
    assertThat(json(reverse, conf("{}"), numbers)).isEqualTo(expected);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(reverse, conf("{}"), List.of())).isEmpty();
  }

  @Test
  void rawValuesBecomeContentItems() {
    assertThat(json(reverse, conf("{}"), List.of(Item.ofValue("a"), Item.ofValue("b"))))
        .containsExactly("{\"content\":\"b\"}", "{\"content\":\"a\"}");
  }

  @Test
  void emitFalseAssignsEachItem() {
    assertThat(json(reverse, conf("{}"), CallOptions.none().withEmit(false), items("[{\"x\": 0}, {\"x\": 1}]")))
        .containsExactly("{\"reverse\":{\"x\":1}}", "{\"reverse\":{\"x\":0}}");
  }

  @Test
  void canBeSubscribedTwice() {
    Flux<Item> out = Flux.fromIterable(items("[{\"x\": 0}, {\"x\": 1}]")).transform(reverse.create(ModuleCall.of("reverse", conf("{}"))));
    StepVerifier.create(out).expectNext(Item.of("x", 1L), Item.of("x", 0L)).expectComplete().verify(ModuleRunner.TIMEOUT);
    StepVerifier.create(out).expectNext(Item.of("x", 1L), Item.of("x", 0L)).expectComplete().verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void upstreamErrorsPassThrough() {
    Flux<Item> failing = Flux.concat(Flux.just(Item.of("x", 1L)), Flux.error(new IllegalStateException("boom")));
    StepVerifier.create(failing.transform(reverse.create(ModuleCall.of("reverse", conf("{}")))))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
