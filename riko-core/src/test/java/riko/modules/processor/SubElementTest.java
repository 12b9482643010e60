package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.testing.ModuleRunner;
import riko.value.TimeTuple;

class SubElementTest {

  private final SubElement subelement = new SubElement();

  private static final List<Item> SONNET = items("""
      [{"author": "William Shakespeare", "title": "Sonnet 21", "stanzas": [
        {"id": "st1", "verses": ["st1v1", "st1v2", "st1v3"]},
        {"id": "st2", "verses": ["st2v1", "st2v2", "st2v3"]},
        {"id": "st3", "verses": ["st3v1", "st3v2", "st3v3"]}]}]""");

  @Test
  void declaresRikosDefaults() {
    assertThat(subelement.name()).isEqualTo("subelement");
    assertThat(subelement.metadata().loopable()).isTrue();
    assertThat(subelement.spec().field()).isNull();
    assertThat(subelement.spec().assign()).isEqualTo("subelement");
    assertThat(subelement.spec().alwaysEmit()).isTrue();
    assertThat(subelement.spec().defaults()).containsExactly(Map.entry("token_key", "content"));
  }

  @Test
  void plucksAcrossAListOfMapsAndFlattens() {
    assertThat(json(subelement, conf("{\"path\": \"stanzas.verses\"}"), SONNET)).containsExactly(
        "{\"content\":\"st1v1\"}", "{\"content\":\"st1v2\"}", "{\"content\":\"st1v3\"}",
        "{\"content\":\"st2v1\"}", "{\"content\":\"st2v2\"}", "{\"content\":\"st2v3\"}",
        "{\"content\":\"st3v1\"}", "{\"content\":\"st3v2\"}", "{\"content\":\"st3v3\"}");
  }

  @Test
  void aPathMayBeAListOfSegments() {
    assertThat(json(subelement, conf("{\"path\": [\"stanzas\", \"id\"]}"), SONNET))
        .containsExactly("{\"content\":\"st1\"}", "{\"content\":\"st2\"}", "{\"content\":\"st3\"}");
  }

  @Test
  void aScalarIsOneElementUnderTokenKey() {
    assertThat(json(subelement, conf("{\"path\": \"stanzas.verses\", \"token_key\": \"verse\"}"),
        items("[{\"stanzas\": {\"verses\": \"verse1\"}}]")))
        .containsExactly("{\"verse\":\"verse1\"}");
  }

  @Test
  void aMapIsOneElement() {
    assertThat(json(subelement, conf("{\"path\": \"a\"}"), items("[{\"a\": {\"b\": 1, \"c\": [2]}}]")))
        .containsExactly("{\"content\":{\"b\":1,\"c\":[2]}}");
  }

  @Test
  void aTimeTupleIsOneElement() {
    TimeTuple tuple = new TimeTuple(LocalDateTime.of(2014, 12, 2, 0, 0));
    List<Item> out = ModuleRunner.list(subelement, conf("{\"path\": \"when\"}"), CallOptions.none(),
        List.of(Item.of("when", tuple)));
    assertThat(out).containsExactly(Item.of("content", tuple));
  }

  @Test
  void emptyTokenKeyEmitsRawValuesAndDropsNulls() {
    List<Item> out = ModuleRunner.list(subelement, conf("{\"path\": \"a.b\", \"token_key\": \"\"}"), CallOptions.none(),
        items("[{\"a\": {\"b\": [\"x\", {\"y\": 1}, null, 3]}}]"));
    assertThat(out).extracting(Item::isRaw).containsExactly(true, false, true);
    assertThat(out.get(0).rawValue()).isEqualTo("x");
    assertThat(out.get(1)).isEqualTo(Item.of("y", 1L));
    assertThat(out.get(2).rawValue()).isEqualTo(3L);
  }

  @Test
  void nestedListsAreFlattenedRecursively() {
    assertThat(json(subelement, conf("{\"path\": \"a\"}"), items("[{\"a\": [[1, [2, null]], [], 3]}]")))
        .containsExactly("{\"content\":1}", "{\"content\":2}", "{\"content\":3}");
  }

  @Test
  void conformanceSubelementList() {
    List<Item> people = items("""
        [{"id": "p1", "tags": ["admin", "dev"]}, {"id": "p2", "tags": ["dev"]}, {"id": "p3", "tags": []},
         {"id": "p4", "tags": ["ops", "dev", "admin"]}, {"id": "p5"}, {"id": "p6", "tags": ["sec"]}]""");
    assertThat(json(subelement, conf("{\"path\": {\"type\": \"text\", \"value\": \"tags\"}}"), people)).containsExactly(
        "{\"content\":\"admin\"}", "{\"content\":\"dev\"}", "{\"content\":\"dev\"}", "{\"content\":\"ops\"}",
        "{\"content\":\"dev\"}", "{\"content\":\"admin\"}", "{\"content\":\"sec\"}");
  }

  @Test
  void emitFalseAssignsTheElements() {
    assertThat(json(subelement, conf("{\"path\": \"tags\"}"), CallOptions.none().withEmit(false),
        items("[{\"tags\": [\"a\", \"b\"]}]")))
        .containsExactly("{\"tags\":[\"a\",\"b\"],\"subelement\":[{\"content\":\"a\"},{\"content\":\"b\"}]}");
  }

  @Test
  void pathMayComeFromTheItem() {
    assertThat(json(subelement, conf("{\"path\": {\"subkey\": \"which\"}}"),
        items("[{\"which\": \"x\", \"x\": [1, 2]}, {\"which\": \"y\", \"y\": \"z\"}]")))
        .containsExactly("{\"content\":1}", "{\"content\":2}", "{\"content\":\"z\"}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(subelement, conf("{\"path\": \"a\"}"), List.of())).isEmpty();
  }

  @Test
  void missingPathFailsAtAssembly() {
    assertThatThrownBy(() -> subelement.create(ModuleCall.of("subelement", conf("{}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'path'")
        .hasMessageContaining("required");
  }

  @Test
  void aFieldOptionOnANonMapFailsTheItem() {
    ModuleCall call = ModuleCall.of("subelement", conf("{\"path\": \"a\"}")).withOptions(CallOptions.none().withField("s"));
    StepVerifier.create(Flux.fromIterable(items("[{\"s\": {\"a\": 1}}, {\"s\": 5}]")).transform(subelement.create(call)))
        .expectNext(Item.of("content", 1L))
        .expectError(ModuleException.class)
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void elementsAreProducedOnDemand() {
    ModuleCall call = ModuleCall.of("subelement", conf("{\"path\": \"stanzas.verses\"}"));
    StepVerifier.create(Flux.fromIterable(SONNET).transform(subelement.create(call)), 2)
        .expectNext(Item.of("content", "st1v1"), Item.of("content", "st1v2"))
        .thenCancel()
        .verify(ModuleRunner.TIMEOUT);
  }
}
