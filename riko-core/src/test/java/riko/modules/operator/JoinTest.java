package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.ConfException;
import riko.item.Item;
import riko.json.ItemJson;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class JoinTest {

  private final Join join = new Join();

  private List<String> run(String conf, String left, String right) {
    ModuleCall call = ModuleCall.of("join", conf(conf)).withTerminals(Map.of("other", Flux.fromIterable(items(right))));
    List<Item> out = Flux.fromIterable(items(left)).transform(join.create(call)).collectList().block(ModuleRunner.TIMEOUT);
    return out == null ? List.of() : out.stream().map(ItemJson::toJson).toList();
  }

  private static List<String> lines(String jsonArray) {
    return items(jsonArray).stream().map(ItemJson::toJson).toList();
  }

  @Test
  void withoutKeysItIsTheCartesianProductLeftMajor() {
    assertThat(run("{}", "[{\"x\": \"foo\", \"sum\": 0}, {\"x\": \"foo\", \"sum\": 1}]",
        "[{\"x\": \"foo\", \"count\": 5}, {\"x\": \"foo\", \"count\": 6}]"))
        .isEqualTo(lines("[{\"x\": \"foo\", \"sum\": 0, \"count\": 5}, {\"x\": \"foo\", \"sum\": 0, \"count\": 6},"
            + " {\"x\": \"foo\", \"sum\": 1, \"count\": 5}, {\"x\": \"foo\", \"sum\": 1, \"count\": 6}]"));
  }

  @Test
  void joinsOnTwoDifferentKeys() {
    assertThat(run("{\"join_key\": \"x\", \"other_join_key\": \"y\"}", "[{\"x\": \"foo-0\", \"sum\": 0}, {\"x\": \"foo-1\", \"sum\": 1}]",
        "[{\"y\": \"foo-0\", \"count\": 5}, {\"y\": \"foo-1\", \"count\": 6}]"))
        .isEqualTo(lines("[{\"x\": \"foo-0\", \"sum\": 0, \"y\": \"foo-0\", \"count\": 5},"
            + " {\"x\": \"foo-1\", \"sum\": 1, \"y\": \"foo-1\", \"count\": 6}]"));
  }

  @Test
  void lowerComparesTextCaseInsensitively() {
    String left = "[{\"x\": \"foo-0\", \"sum\": 0}]";
    String right = "[{\"y\": \"FOO-0\", \"count\": 5}]";
    assertThat(run("{\"join_key\": \"x\", \"other_join_key\": \"y\", \"lower\": true}", left, right))
        .isEqualTo(lines("[{\"x\": \"foo-0\", \"sum\": 0, \"y\": \"FOO-0\", \"count\": 5}]"));
    assertThat(run("{\"join_key\": \"x\", \"other_join_key\": \"y\"}", left, right)).isEmpty();
  }

  @Test
  void itemsLackingTheKeyNeverMatch() {
    assertThat(run("{\"join_key\": \"x\", \"other_join_key\": \"y\"}", "[{\"x\": \"foo\", \"sum\": 0}, {\"sum\": 1}]",
        "[{\"y\": \"foo\", \"count\": 5}, {\"count\": 6}]"))
        .isEqualTo(lines("[{\"x\": \"foo\", \"sum\": 0, \"y\": \"foo\", \"count\": 5}]"));
  }

  @Test
  void conformanceJoinKeyRightWinsOnConflicts() {
    String orders = "[{\"order\": \"o1\", \"customer\": \"c1\", \"amount\": \"10.50\"}, {\"order\": \"o2\", \"customer\": \"c2\", \"amount\": \"3\"},"
        + " {\"order\": \"o3\", \"customer\": \"c1\", \"amount\": \"7.25\"}, {\"order\": \"o4\", \"customer\": \"c9\"}, {\"order\": \"o5\"}]";
    String customers = "[{\"cid\": \"c1\", \"customer\": \"c1\", \"name\": \"Acme\"}, {\"cid\": \"C2\", \"customer\": \"c2\", \"name\": \"Globex\"},"
        + " {\"cid\": \"c3\", \"customer\": \"c3\", \"name\": \"Initech\"}, {\"name\": \"Nobody\"}]";
    assertThat(run("{\"join_key\": {\"type\": \"text\", \"value\": \"customer\"}}", orders, customers))
        .isEqualTo(lines("[{\"order\": \"o1\", \"customer\": \"c1\", \"amount\": \"10.50\", \"cid\": \"c1\", \"name\": \"Acme\"},"
            + " {\"order\": \"o2\", \"customer\": \"c2\", \"amount\": \"3\", \"cid\": \"C2\", \"name\": \"Globex\"},"
            + " {\"order\": \"o3\", \"customer\": \"c1\", \"amount\": \"7.25\", \"cid\": \"c1\", \"name\": \"Acme\"}]"));
    assertThat(run("{}", "[{\"a\": 1, \"b\": 1}]", "[{\"b\": 2}]")).containsExactly("{\"a\":1,\"b\":2}");
  }

  @Test
  void onlyOtherJoinKeyIsUsedOnBothSides() {
    assertThat(run("{\"other_join_key\": \"k\"}", "[{\"k\": 1, \"l\": 1}, {\"k\": 2}]", "[{\"k\": 1.0, \"r\": 1}]"))
        .containsExactly("{\"k\":1.0,\"l\":1,\"r\":1}");
  }

  @Test
  void leftKeysAreDottedPaths() {
    assertThat(run("{\"join_key\": \"a.id\", \"other_join_key\": \"id\"}", "[{\"a\": {\"id\": 1}}]", "[{\"id\": 1, \"r\": true}]"))
        .containsExactly("{\"a\":{\"id\":1},\"id\":1,\"r\":true}");
  }

  @Test
  void nullValuesPresentOnBothSidesMatch() {
    assertThat(run("{\"join_key\": \"k\"}", "[{\"k\": null, \"l\": 1}, {\"l\": 2}]", "[{\"k\": null, \"r\": 1}]"))
        .containsExactly("{\"k\":null,\"l\":1,\"r\":1}");
  }

  @Test
  void rawRightValuesAreLeftOut() {
    ModuleCall call = ModuleCall.of("join", conf("{}"))
        .withTerminals(Map.of("other", Flux.just(Item.ofValue("raw"), Item.of("r", 1L))));
    StepVerifier.create(Flux.just(Item.of("l", 1L)).transform(join.create(call)))
        .expectNext(Item.of("l", 1L).put("r", 1L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emptyInputsGiveEmptyOutput() {
    assertThat(run("{}", "[]", "[{\"a\": 1}]")).isEmpty();
    assertThat(run("{}", "[{\"a\": 1}]", "[]")).isEmpty();
  }

  @Test
  void theRightSideIsReadOnceAndTheLeftLazily() {
    AtomicInteger rightSubscriptions = new AtomicInteger();
    Flux<Item> right = Flux.just(Item.of("r", 1L)).doOnSubscribe(s -> rightSubscriptions.incrementAndGet());
    Flux<Item> endless = Flux.<Item, Long>generate(() -> 0L, (n, sink) -> {
      sink.next(Item.of("l", n));
      return n + 1;
    });
    ModuleCall call = ModuleCall.of("join", conf("{}")).withTerminals(Map.of("other", right));
    StepVerifier.create(endless.transform(join.create(call)).take(3))
        .expectNextCount(3)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
    assertThat(rightSubscriptions).hasValue(1);
  }

  @Test
  void missingOtherFailsAtAssemblyNamingIt() {
    assertThatThrownBy(() -> join.create(ModuleCall.of("join", conf("{\"join_key\": \"x\"}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'other'");
  }

  @Test
  void rightSideErrorsPassThrough() {
    ModuleCall call = ModuleCall.of("join", conf("{}")).withTerminals(Map.of("other", Flux.error(new IllegalStateException("boom"))));
    StepVerifier.create(Flux.just(Item.of("l", 1L)).transform(join.create(call)))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
