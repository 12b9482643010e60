package riko.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineReaderTest {

  @Test
  void expandsADagWithoutWiresIntoAChainEndingInOutput() {
    PipelineDefinition d = PipelineReader.parse("dag.json", """
        {"modules": [
          {"type": "itembuilder", "conf": {"attrs": {"key": "greeting", "value": "hello"}}},
          {"type": "rename", "conf": {"rule": {"field": "greeting", "newval": "salutation"}}}]}
        """);
    assertThat(d.modules()).extracting(ModuleDefinition::id).containsExactly("sw_1", "sw_2", "_OUTPUT");
    assertThat(d.modules().get(2).isOutput()).isTrue();
    assertThat(d.wires()).containsExactly(
        new Wire("_w1", "sw_1", "sw_2", "_INPUT"),
        new Wire("_w2", "sw_2", "_OUTPUT", "_INPUT"));
  }

  @Test
  void dagWiresOverrideListingOrderAndEverySinkFeedsTheOutput() {
    PipelineDefinition d = PipelineReader.parse("dag.json", """
        {"modules": [{"id": "trunc", "type": "truncate", "conf": {}}, {"id": "gen", "type": "forever", "conf": {}}],
         "wires": [["gen", "trunc"]]}
        """);
    assertThat(d.wires()).containsExactly(
        new Wire("_w1", "gen", "trunc", "_INPUT"),
        new Wire("_w2", "trunc", "_OUTPUT", "_INPUT"));
  }

  @Test
  void readsTheFullFormatNormalisingIdsAndPortsAndIgnoringNonOutputSources() {
    PipelineDefinition d = PipelineReader.parse("full.json", """
        {"modules": [{"id": "sw-1", "type": "input", "conf": null, "emit": true, "assign": "x", "field": "f", "count": "all"},
                     {"id": "sw-2", "type": "truncate", "conf": {"COUNT": {"terminal": "1_URL"}}},
                     {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [{"id": "w1", "src": {"id": "_OUTPUT", "moduleid": "sw-1"}, "tgt": {"id": "1_URL", "moduleid": "sw-2"}},
                   {"id": "w2", "src": {"id": "_INPUT", "moduleid": "sw-1"}, "tgt": {"id": "_INPUT", "moduleid": "sw-2"}},
                   {"id": "w3", "src": {"id": "_OUTPUT", "moduleid": "sw-2"}, "tgt": {"id": "_INPUT", "moduleid": "_OUTPUT"}}],
         "layout": [{"ignored": true}]}
        """);
    ModuleDefinition input = d.module("sw_1").orElseThrow();
    assertThat(input.conf()).isEmpty();
    assertThat(input.emit()).isTrue();
    assertThat(input.assign()).isEqualTo("x");
    assertThat(input.field()).isEqualTo("f");
    assertThat(input.count()).isEqualTo("all");
    assertThat(d.wires()).extracting(Wire::port).containsExactly("_1_URL", "_INPUT");
    assertThat(d.wires().get(0).isTerminal()).isTrue();
  }

  @Test
  void normalisesIdsLikeRiko() {
    assertThat(PipelineReader.normaliseId("sw-502")).isEqualTo("sw_502");
    assertThat(PipelineReader.normaliseId("a:b/c")).isEqualTo("a_b_c");
    assertThat(PipelineReader.normaliseId("1_URL")).isEqualTo("_1_URL");
    assertThat(PipelineReader.normaliseId("_OUTPUT")).isEqualTo("_OUTPUT");
  }

  @Test
  void rejectsMalformedDefinitionsWithClearMessages() {
    assertThatThrownBy(() -> PipelineReader.parse("p.json", "{\"modules\": ["))
        .isInstanceOf(PipelineException.class).hasMessageContaining("p.json").hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> PipelineReader.parse("p.json", "{\"wires\": []}"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("no 'modules'");
    assertThatThrownBy(() -> PipelineReader.parse("p.json", "{\"modules\": [{\"id\": \"a\", \"conf\": {}}]}"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("'a' has no 'type'");
    assertThatThrownBy(() -> PipelineReader.parse("p.json", "{\"modules\": [{\"type\": \"x\"}], \"wires\": [[\"a\"]]}"))
        .isInstanceOf(PipelineException.class).hasMessageContaining("[source, target]");
  }

  @Test
  void moduleLookupUsesTheLastDefinitionOfACollidingId() {
    PipelineDefinition d = new PipelineDefinition("p", List.of(
        new ModuleDefinition("a", "first", java.util.Map.of(), null, null, null, null, null),
        new ModuleDefinition("a", "second", java.util.Map.of(), null, null, null, null, null)), List.of());
    assertThat(d.module("a").orElseThrow().type()).isEqualTo("second");
  }
}
