package riko.modules.processor;

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
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class StrConcatTest {

  private final StrConcat strconcat = new StrConcat();

  @Test
  void declaresRikosDefaults() {
    assertThat(strconcat.name()).isEqualTo("strconcat");
    assertThat(strconcat.metadata().loopable()).isTrue();
    assertThat(strconcat.spec().field()).isNull();
    assertThat(strconcat.spec().assign()).isEqualTo("strconcat");
    assertThat(strconcat.spec().alwaysEmit()).isFalse();
    assertThat(strconcat.spec().defaults()).isEmpty();
  }

  @Test
  void joinsASubkeyAndALiteral() {
    assertThat(json(strconcat, conf("{\"part\": [{\"subkey\": \"word\", \"type\": \"text\"}, \" world\"]}"),
        items("[{\"word\": \"hello\"}]")))
        .containsExactly("{\"word\":\"hello\",\"strconcat\":\"hello world\"}");
  }

  @Test
  void readsDottedSubkeys() {
    assertThat(json(strconcat, conf("{\"part\": [\"<img src=\\\"\", {\"subkey\": \"img.src\", \"type\": \"text\"}, \"\\\">\"]}"),
        items("[{\"img\": {\"src\": \"http://www.site.com\"}}]")))
        .containsExactly("{\"img\":{\"src\":\"http://www.site.com\"},\"strconcat\":\"<img src=\\\"http://www.site.com\\\">\"}");
  }

  @Test
  void dropsEveryFalsyPart() {
    assertThat(json(strconcat, conf("{\"part\": [\"a\", {\"subkey\": \"n\"}, 0, \"\", null, false, [], 5]}"),
        items("[{\"n\": 0}]")))
        .containsExactly("{\"n\":0,\"strconcat\":\"a5\"}");
  }

  @Test
  void aSinglePartIsListized() {
    assertThat(json(strconcat, conf("{\"part\": \"abc\"}"), items("[{}]")))
        .containsExactly("{\"strconcat\":\"abc\"}");
    assertThat(json(strconcat, conf("{\"part\": {\"type\": \"text\", \"value\": \"extVal\"}}"), items("[{}]")))
        .containsExactly("{\"strconcat\":\"extVal\"}");
  }

  @Test
  void stringifiesOtherValuesLikePython() {
    assertThat(json(strconcat, conf("{\"part\": [{\"subkey\": \"m\"}, \"|\", {\"subkey\": \"l\"}, \"|\", true, \"|\", 1.0, \"|\","
        + " {\"type\": \"int\", \"value\": \"7\"}]}"), items("[{\"m\": {\"b\": 1}, \"l\": [\"x\", null]}]")))
        .containsExactly("{\"m\":{\"b\":1},\"l\":[\"x\",null],\"strconcat\":\"{'b': 1}|['x', None]|True|1.0|7\"}");
  }

  @Test
  void conformanceStrconcatSubkeys() {
    List<Item> people = items("""
        [{"id": "p1", "name": "Alice Smith", "address": {"city": "Boston", "zip": "02110"}},
         {"id": "p4", "name": "Carlos  Díaz", "tags": ["ops"]}]""");
    assertThat(json(strconcat, conf("{\"part\": [{\"subkey\": \"name\", \"type\": \"text\"},"
        + " {\"type\": \"text\", \"value\": \" from \"}, {\"subkey\": \"address.city\", \"type\": \"text\"}]}"), people))
        .containsExactly(
            "{\"id\":\"p1\",\"name\":\"Alice Smith\",\"address\":{\"city\":\"Boston\",\"zip\":\"02110\"},"
                + "\"strconcat\":\"Alice Smith from Boston\"}",
            "{\"id\":\"p4\",\"name\":\"Carlos  Díaz\",\"tags\":[\"ops\"],\"strconcat\":\"Carlos  Díaz from \"}");
  }

  @Test
  void emitTrueReplacesTheItemWithTheBareString() {
    List<Item> out = ModuleRunner.list(strconcat, conf("{\"part\": [\"ext\", \"Val\"]}"), CallOptions.none().withEmit(true),
        items("[{\"x\": 1}]"));
    assertThat(out).hasSize(1);
    assertThat(out.get(0).isRaw()).isTrue();
    assertThat(out.get(0).rawValue()).isEqualTo("extVal");
  }

  @Test
  void assignMayBeADottedPath() {
    assertThat(json(strconcat, conf("{\"part\": \"v\"}"), CallOptions.none().withAssign("out.text"), items("[{\"x\": 1}]")))
        .containsExactly("{\"x\":1,\"out\":{\"text\":\"v\"}}");
  }

  @Test
  void emptyPartListGivesAnEmptyString() {
    assertThat(json(strconcat, conf("{\"part\": []}"), items("[{\"x\": 1}]")))
        .containsExactly("{\"x\":1,\"strconcat\":\"\"}");
  }

  @Test
  void partsMayComeFromATerminalOneValuePerItem() {
    ModuleCall call = ModuleCall.of("strconcat", conf("{\"part\": [{\"terminal\": \"sfx\", \"type\": \"text\"}]}"))
        .withTerminals(Map.of("sfx", Flux.just(Item.ofValue("one"), Item.ofValue("two"))));
    StepVerifier.create(Flux.fromIterable(items("[{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]")).transform(strconcat.create(call)))
        .expectNext(Item.of(Map.of("n", 1L, "strconcat", "one")))
        .expectNext(Item.of(Map.of("n", 2L, "strconcat", "two")))
        .expectNext(Item.of(Map.of("n", 3L, "strconcat", "")))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(strconcat, conf("{\"part\": \"a\"}"), List.of())).isEmpty();
  }

  @Test
  void missingPartFailsAtAssembly() {
    assertThatThrownBy(() -> strconcat.create(ModuleCall.of("strconcat", conf("{}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'part'")
        .hasMessageContaining("required");
    assertThatThrownBy(() -> strconcat.create(ModuleCall.of("strconcat", conf("{\"part\": null}"))))
        .isInstanceOf(ConfException.class);
  }

  @Test
  void upstreamErrorsPassThroughAfterEmittedItems() {
    Flux<Item> failing = Flux.concat(Flux.just(Item.of("x", 1L)), Flux.error(new IllegalStateException("boom")));
    StepVerifier.create(failing.transform(strconcat.create(ModuleCall.of("strconcat", conf("{\"part\": \"p\"}")))))
        .expectNext(Item.of(Map.of("x", 1L, "strconcat", "p")))
        .expectErrorMessage("boom")
        .verify(ModuleRunner.TIMEOUT);
  }
}
