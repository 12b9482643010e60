package riko.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import riko.json.ItemJson;

/** The pipeline examples of {@code spec/pipelines.md} and {@code apis.md} that need only riko-core's modules. */
class PipelineExamplesTest {

  private static List<String> run(String json) {
    return Pipeline.of(PipelineReader.parse("example.json", json)).toList().stream().map(ItemJson::toJson).toList();
  }

  @Test
  void theDagExpansionExampleRenamesTheBuiltItem() {
    assertThat(run("""
        {"modules": [
          {"type": "itembuilder", "conf": {"attrs": {"key": "greeting", "value": "hello"}}},
          {"type": "rename", "conf": {"rule": {"field": "greeting", "newval": "salutation"}}}]}
        """)).containsExactly("{\"salutation\":\"hello\"}");
  }

  @Test
  void dagWiresOverrideListingOrder() {
    assertThat(run("""
        {"modules": [
          {"id": "trunc", "type": "truncate", "conf": {"count": {"type": "float", "value": "2"}}},
          {"id": "gen", "type": "forever", "conf": {}}],
         "wires": [["gen", "trunc"]]}
        """)).containsExactly("{\"forever\":true}", "{\"forever\":true}");
  }

  @Test
  void aTokenizedStringIsCounted() {
    assertThat(run("""
        {"modules": [
          {"type": "itembuilder", "conf": {"attrs": {"key": "content", "value": "a,bb,ccc"}}},
          {"type": "tokenizer", "conf": {}, "emit": true},
          {"type": "count", "conf": {}}]}
        """)).containsExactly("{\"count\":3}");
  }

  @Test
  void unionFeedsAGreetingBuiltPerItem() {
    String wire = "{\"id\": \"%s\", \"src\": {\"id\": \"_OUTPUT\", \"moduleid\": \"%s\"}, \"tgt\": {\"id\": \"%s\", \"moduleid\": \"%s\"}}";
    assertThat(run("""
        {"modules": [
          {"id": "ib1", "type": "itembuilder", "conf": {"attrs": [{"key": {"type": "text", "value": "name"}, "value": {"type": "text", "value": "Ada"}}]}},
          {"id": "ib2", "type": "itembuilder", "conf": {"attrs": [{"key": {"type": "text", "value": "name"}, "value": {"type": "text", "value": "Grace"}}]}},
          {"id": "uni", "type": "union", "conf": {}},
          {"id": "greet", "type": "strconcat", "conf": {"part": [{"type": "text", "value": "Hello, "}, {"subkey": "name", "type": "text"}, "!"]},
           "assign": "greeting"},
          {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [%s, %s, %s, %s]}
        """.formatted(wire.formatted("w1", "ib1", "_INPUT", "uni"), wire.formatted("w2", "ib2", "_OTHER1", "uni"),
            wire.formatted("w3", "uni", "_INPUT", "greet"), wire.formatted("w4", "greet", "_INPUT", "_OUTPUT"))))
        .containsExactly("{\"name\":\"Ada\",\"greeting\":\"Hello, Ada!\"}", "{\"name\":\"Grace\",\"greeting\":\"Hello, Grace!\"}");
  }
}
