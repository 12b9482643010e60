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
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;

class CountTest {

  private final Count count = new Count();
  private final List<Item> five = items("[{\"x\": 0}, {\"x\": 1}, {\"x\": 2}, {\"x\": 3}, {\"x\": 4}]");

  @Test
  void isAnAggregatorThatAlsoComposes() {
    assertThat(count.metadata().subtypes()).containsExactly(ModuleSubtype.AGGREGATOR, ModuleSubtype.COMPOSER);
  }

  @Test
  void countsIntoOneItemByDefault() {
    assertThat(json(count, conf("{}"), five)).containsExactly("{\"count\":5}");
  }

  @Test
  void conformanceCountDefault() {
    assertThat(json(count, conf("{}"), People.all())).containsExactly("{\"count\":6}");
  }

  @Test
  void emptyInputCountsZero() {
    assertThat(json(count, conf("{}"), List.of())).containsExactly("{\"count\":0}");
  }

  @Test
  void assignNamesTheKey() {
    assertThat(json(count, conf("{}"), CallOptions.none().withEmit(false).withAssign("content"), five))
        .containsExactly("{\"content\":5}");
  }

  @Test
  void emitYieldsTheRawNumber() {
    List<Item> out = ModuleRunner.list(count, conf("{}"), CallOptions.none().withEmit(true), items("[{\"content\": 0}, {\"content\": 1}, {\"content\": 2}]"));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).isRaw()).isTrue();
    assertThat(out.get(0).rawValue()).isEqualTo(3L);
    assertThat(ItemJson.toJson(out.get(0))).isEqualTo("3");
  }

  @Test
  void countKeyCountsPerGroupInFirstSeenOrder() {
    assertThat(json(count, conf("{\"count_key\": \"word\"}"), items("[{\"word\": \"two\"}, {\"word\": \"one\"}, {\"word\": \"two\"}]")))
        .containsExactly("{\"two\":2}", "{\"one\":1}");
  }

  @Test
  void conformanceCountKey() {
    assertThat(json(count, conf("{\"count_key\": {\"type\": \"text\", \"value\": \"city\"}}"), People.all()))
        .containsExactly("{\"Boston\":2}", "{\"austin\":2}", "{\"Malmö\":1}", "{\"Denver\":1}");
  }

  @Test
  void groupsAreStrOfTheValueAndDotsNest() {
    assertThat(json(count, conf("{\"count_key\": \"w\"}"), items("[{\"w\": 1}, {\"w\": \"a\"}, {\"w\": 1.0}, {\"w\": true}, {\"w\": 1}]")))
        .containsExactly("{\"1\":2}", "{\"a\":1}", "{\"1\":{\"0\":1}}", "{\"True\":1}");
  }

  @Test
  void itemsLackingTheFieldFormTheEmptyGroup() {
    assertThat(json(count, conf("{\"count_key\": \"w\"}"), items("[{\"w\": \"a\"}, {}, {\"w\": {\"x\": 1}}]")))
        .containsExactly("{\"a\":1}", "{\"\":2}");
  }

  @Test
  void countKeyWithEmitFalseWrapsEachGroup() {
    assertThat(json(count, conf("{\"count_key\": \"word\"}"), CallOptions.none().withEmit(false),
        items("[{\"word\": \"two\"}, {\"word\": \"two\"}]")))
        .containsExactly("{\"count\":{\"two\":2}}");
  }

  @Test
  void countKeyOnEmptyInputYieldsNothing() {
    assertThat(json(count, conf("{\"count_key\": \"word\"}"), List.of())).isEmpty();
  }

  @Test
  void upstreamErrorsPassThrough() {
    Flux<Item> failing = Flux.concat(Flux.just(Item.of("x", 1L)), Flux.error(new IllegalStateException("boom")));
    StepVerifier.create(failing.transform(count.create(ModuleCall.of("count", conf("{}")))))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
