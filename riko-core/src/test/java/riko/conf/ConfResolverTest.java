package riko.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riko.item.Item;
import riko.testing.ModuleRunner;

class ConfResolverTest {

  private final ConfResolver resolver = new ConfResolver(Clock.systemUTC());

  private ResolvedConf resolve(String conf, Item item, Terminals terminals) {
    return resolver.resolve("test", ModuleRunner.conf(conf), item, terminals);
  }

  @Test
  void typedValuesAreCastAndBareValuesUnwrapped() {
    ResolvedConf conf = resolve("""
        {"n": {"type": "int", "value": "12.9"}, "t": {"type": "text", "value": "x"}, "b": {"value": "raw"},
         "loc": {"type": "location", "value": "kept"}, "odd": {"type": "number", "value": "7"}}
        """, Item.empty(), Terminals.none());
    assertThat(conf.get("n")).isEqualTo(12L);
    assertThat(conf.get("t")).isEqualTo("x");
    assertThat(conf.get("b")).isEqualTo("raw");
    assertThat(conf.get("loc")).as("location is never cast").isEqualTo("kept");
    assertThat(conf.get("odd")).as("unknown types leave the value uncast").isEqualTo("7");
  }

  @Test
  void itemReferencesReadTheCurrentItemIgnoringTheirType() {
    Item item = ModuleRunner.item("{\"author\": {\"Name\": \"Ann\"}, \"n\": \"5\"}");
    ResolvedConf conf = resolve("""
        {"who": {"subkey": "AUTHOR.name", "type": "int"}, "n": {"subkey": "n", "type": "int"}, "gone": {"subkey": "nope"},
         "rule": [{"field": "x", "value": {"subkey": "n"}}]}
        """, item, Terminals.none());
    assertThat(conf.get("who")).isEqualTo("Ann");
    assertThat(conf.get("n")).as("the type next to subkey is ignored").isEqualTo("5");
    assertThat(conf.has("gone")).isTrue();
    assertThat(conf.get("gone")).isNull();
    assertThat(conf.requireList("rule")).first().isEqualTo(Map.of("field", "x", "value", "5"));
  }

  @Test
  void terminalReferencesTakeSuccessiveValuesAndAreLeftAloneWhenNotWired() {
    Terminals terminals = Terminals.of(Map.of("1_URL", List.of(Item.ofValue("a"), Item.ofValue("b"))));
    RawConf raw = ModuleRunner.conf("{\"u\": {\"terminal\": \"1_URL\", \"type\": \"text\"}, \"v\": {\"terminal\": \"other\", \"type\": \"text\"}}");
    assertThat(resolver.resolve("t", raw, Item.empty(), terminals).get("u")).isEqualTo("a");
    ResolvedConf second = resolver.resolve("t", raw, Item.empty(), terminals);
    assertThat(second.get("u")).isEqualTo("b");
    assertThat(second.get("v")).isEqualTo(Map.of("terminal", "other", "type", "text"));
    assertThat(resolver.resolve("t", raw, Item.empty(), terminals).get("u")).as("exhausted").isNull();
  }

  @Test
  void confKeysAreLowerCasedAndDottedKeysNested() {
    RawConf raw = RawConf.of(Map.of("URL", "x", "a.b", 1, "Rule", List.of(Map.of("FIELD", "t"))));
    assertThat(raw.get("url")).isEqualTo("x");
    assertThat(raw.get("a")).isEqualTo(Map.of("b", 1L));
    assertThat(raw.get("rule")).isEqualTo(List.of(Map.of("field", "t")));
  }

  @Test
  void dynamicConfsAreThoseWithItemOrWiredTerminalReferences() {
    assertThat(ModuleRunner.conf("{\"a\": [{\"b\": {\"subkey\": \"x\"}}]}").isDynamic(java.util.Set.of())).isTrue();
    RawConf terminal = ModuleRunner.conf("{\"count\": {\"terminal\": \"count\", \"type\": \"int\"}}");
    assertThat(terminal.isDynamic(java.util.Set.of())).isFalse();
    assertThat(terminal.isDynamic(java.util.Set.of("count"))).isTrue();
    assertThat(ModuleRunner.conf("{\"a\": {\"subkey\": \"x\"}, \"b\": [{\"terminal\": \"1_URL\", \"type\": \"text\"}]}")
        .referencedTerminals()).containsExactly("_1_URL");
  }

  @Test
  void listizeWrapsSingleValuesAndMissingRequiredKeysNameModuleAndKey() {
    ResolvedConf conf = resolve("{\"rule\": {\"field\": \"x\"}}", Item.empty(), Terminals.none());
    assertThat(conf.requireList("rule")).hasSize(1);
    assertThat(conf.list("missing")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> conf.requireList("part"))
        .isInstanceOf(ConfException.class).hasMessage("module 'test': conf key 'part' is required");
  }
}
