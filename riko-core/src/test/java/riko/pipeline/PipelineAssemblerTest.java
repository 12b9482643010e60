package riko.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.ConfException;
import riko.item.Item;
import riko.json.ItemJson;
import riko.registry.UnknownModuleException;
import riko.spi.ModuleContext;
import riko.testing.ModuleRunner;
import riko.testing.TestModules;

class PipelineAssemblerTest {

  private final PipelineAssembler assembler =
      new PipelineAssembler(TestModules.registry(), ModuleContext.defaults(), SubPipelines.none());

  private List<String> run(String json) {
    return assembler.assemble(PipelineReader.parse("test.json", json)).map(ItemJson::toJson)
        .collectList().block(ModuleRunner.TIMEOUT);
  }

  private static String wire(String id, String src, String tgt, String port) {
    return "{\"id\": \"" + id + "\", \"src\": {\"id\": \"_OUTPUT\", \"moduleid\": \"" + src + "\"}, "
        + "\"tgt\": {\"id\": \"" + port + "\", \"moduleid\": \"" + tgt + "\"}}";
  }

  @Test
  void runsALinearDag() {
    assertThat(run("""
        {"modules": [{"type": "numbers", "conf": {"count": 5}}, {"type": "truncate", "conf": {"count": {"type": "int", "value": "2"}}}]}
        """)).containsExactly("{\"n\":1}", "{\"n\":2}");
  }

  @Test
  void aTerminalWireFeedsAConfReference() {
    assertThat(run("""
        {"modules": [{"id": "a", "type": "numbers", "conf": {"count": 9}},
                     {"id": "limit", "type": "numbers", "conf": {"count": 1}},
                     {"id": "t", "type": "truncate", "conf": {"count": {"terminal": "count", "subkey": null}}},
                     {"id": "t2", "type": "truncate", "conf": {"count": {"terminal": "count", "type": "int"}}},
                     {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s]}
        """.formatted(wire("w1", "a", "t2", "_INPUT"), wire("w2", "limit", "t2", "count"), wire("w3", "t2", "_OUTPUT", "_INPUT"))))
        .as("the terminal item {n: 1} is not a number, so the int cast gives 0").isEmpty();
  }

  @Test
  void otherPortsAreCollectedInWireOrderAndFanOutGivesEachConsumerAllItems() {
    assertThat(run("""
        {"modules": [{"id": "a", "type": "numbers", "conf": {"count": 2}},
                     {"id": "c", "type": "concat", "conf": {}},
                     {"id": "t1", "type": "truncate", "conf": {"count": 1}},
                     {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s, %s, %s]}
        """.formatted(wire("w1", "a", "c", "_INPUT"), wire("w2", "a", "t1", "_INPUT"), wire("w3", "t1", "c", "_OTHER2"),
            wire("w4", "a", "c", "_OTHER1"), wire("w5", "c", "_OUTPUT", "_INPUT"))))
        .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":1}", "{\"n\":1}", "{\"n\":2}");
  }

  @Test
  void wiredTerminalsAreVisibleWhenModulesCheckTheirConf() {
    String join = """
        {"modules": [{"id": "l", "type": "numbers", "conf": {"count": 2}}, {"id": "r", "type": "numbers", "conf": {"count": 1}},
                     {"id": "j", "type": "join", "conf": {"join_key": "n"}}, {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s]}
        """;
    assertThat(run(join.formatted(wire("w1", "l", "j", "_INPUT"), wire("w2", "r", "j", "other"), wire("w3", "j", "_OUTPUT", "_INPUT"))))
        .containsExactly("{\"n\":1}");
    assertThatThrownBy(() -> run(join.formatted(wire("w1", "l", "j", "_INPUT"), wire("w2", "r", "j", "_OTHER"),
        wire("w3", "j", "_OUTPUT", "_INPUT"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("join (j)").hasMessageContaining("'other'");
  }

  @Test
  void aSharedUpstreamRunsOncePerSubscription() {
    AtomicInteger runs = new AtomicInteger();
    PipelineDefinition d = PipelineReader.parse("t.json", """
        {"modules": [{"id": "a", "type": "numbers", "conf": {"count": 2}}, {"id": "c", "type": "concat", "conf": {}},
                     {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s]}
        """.formatted(wire("w1", "a", "c", "_INPUT"), wire("w2", "a", "c", "_OTHER"), wire("w3", "c", "_OUTPUT", "_INPUT")));
    Flux<Item> flux = assembler.assemble(d).doOnSubscribe(s -> runs.incrementAndGet());
    StepVerifier.create(flux).expectNextCount(4).expectComplete().verify(ModuleRunner.TIMEOUT);
    StepVerifier.create(flux).expectNextCount(4).expectComplete().verify(ModuleRunner.TIMEOUT);
    assertThat(runs).hasValue(2);
  }

  @Test
  void anUnwiredOperatorSeesAnEmptyStreamAndUnwiredModulesAreDropped() {
    assertThat(run("""
        {"modules": [{"id": "c", "type": "concat", "conf": {}}, {"id": "lonely", "type": "numbers", "conf": {}},
                     {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s]}
        """.formatted(wire("w1", "c", "_OUTPUT", "_INPUT")))).isEmpty();
  }

  @Test
  void unknownModulesFailAtAssemblyListingTheKnownOnes() {
    assertThatThrownBy(() -> run("{\"modules\": [{\"id\": \"x\", \"type\": \"fetchfeed\", \"conf\": {}}]}"))
        .isInstanceOf(UnknownModuleException.class)
        .hasMessageContaining("'fetchfeed'").hasMessageContaining("module 'x' in pipeline 'test.json'")
        .hasMessageContaining("join, numbers, truncate");
  }

  @Test
  void danglingWiresAndCyclesFailAtAssembly() {
    assertThatThrownBy(() -> run("""
        {"modules": [{"id": "a", "type": "numbers", "conf": {}}, {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s]}
        """.formatted(wire("w9", "a", "nowhere", "_INPUT"))))
        .isInstanceOf(PipelineException.class).hasMessageContaining("wire 'w9'").hasMessageContaining("'nowhere'");
    assertThatThrownBy(() -> run("""
        {"modules": [{"id": "a", "type": "truncate", "conf": {}}, {"id": "b", "type": "truncate", "conf": {}},
                     {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s]}
        """.formatted(wire("w1", "a", "b", "_INPUT"), wire("w2", "b", "a", "_INPUT"), wire("w3", "b", "_OUTPUT", "_INPUT"))))
        .isInstanceOf(PipelineException.class).hasMessageContaining("cycle").hasMessageContaining("a, b");
  }

  @Test
  void badStaticConfFailsAtAssemblyNamingModuleAndKey() {
    assertThatThrownBy(() -> run("{\"modules\": [{\"id\": \"n\", \"type\": \"numbers\", \"conf\": {}},"
        + " {\"id\": \"t\", \"type\": \"truncate\", \"conf\": {\"count\": -2}}]}"))
        .isInstanceOf(ConfException.class).hasMessageContaining("truncate").hasMessageContaining("count");
  }

  @Test
  void subPipelinesRunOnTheirParentsInput(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pipe_shout.json"), """
        {"modules": [{"type": "upper", "conf": {}, "field": "n", "assign": "big"}]}
        """);
    Files.writeString(dir.resolve("main.json"), """
        {"modules": [{"type": "numbers", "conf": {"count": 2}}, {"type": "pipe:shout", "conf": {}}]}
        """);
    List<Item> items = Pipeline.load(dir.resolve("main.json")).withRegistry(TestModules.registry()).toList();
    assertThat(items).extracting(ItemJson::toJson).containsExactly("{\"n\":1,\"big\":\"1\"}", "{\"n\":2,\"big\":\"2\"}");
  }

  @Test
  void unknownSubPipelinesFailAtAssembly(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("main.json"), "{\"modules\": [{\"type\": \"numbers\", \"conf\": {}}, {\"type\": \"pipe:nope\", \"conf\": {}}]}");
    assertThatThrownBy(() -> Pipeline.load(dir.resolve("main.json")).withRegistry(TestModules.registry()).flux())
        .isInstanceOf(PipelineException.class).hasMessageContaining("Unsupported riko subpipeline: 'pipe:nope'")
        .hasMessageContaining("pipe_nope");
  }
}
