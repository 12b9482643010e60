package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.modules.processor.StrReplace.Param;
import riko.modules.processor.StrReplace.Rule;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class StrReplaceTest {

  private final StrReplace strreplace = new StrReplace();

  /** {@code words.json} of the conformance data. */
  private final List<Item> words = Words.all();

  private Object replace(String rule, String text) {
    List<Item> out = ModuleRunner.list(strreplace, conf("{\"rule\": " + rule + "}"), CallOptions.none(),
        List.of(Item.of("content", text)));
    return out.get(0).get("strreplace");
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(json(strreplace, conf("{\"rule\": {\"find\": \"hello\", \"replace\": \"bye\"}}"), items("[{\"content\": \"hello world\"}]")))
        .containsExactly("{\"content\":\"hello world\",\"strreplace\":\"bye world\"}");
    assertThat(json(strreplace, conf("{\"rule\": [{\"find\": \"Gr\", \"replace\": \"M\"}, {\"find\": \"e\", \"replace\": \"a\", \"param\": \"last\"}]}"),
        CallOptions.none().withField("title").withAssign("result"), items("[{\"title\": \"Greetings\"}]")))
        .containsExactly("{\"title\":\"Greetings\",\"result\":\"Meatings\"}");
    assertThat(json(strreplace, conf("{\"rule\": {\"find\": \"a\", \"replace\": \"b\", \"param\": \"first\"}}"), items("[{\"content\": \"aaa\"}]")))
        .containsExactly("{\"content\":\"aaa\",\"strreplace\":\"baa\"}");
    assertThat(json(strreplace, conf("{\"rule\": {\"find\": \"Tom\", \"param\": \"first\", \"replace\": \"Tim\"}}"),
        CallOptions.none().withField("author"), items("[{\"link\": \"www.google.com\", \"title\": \"google\", \"author\": \"Tommy\"}]")))
        .containsExactly("{\"link\":\"www.google.com\",\"title\":\"google\",\"author\":\"Tommy\",\"strreplace\":\"Timmy\"}");
  }

  @Test
  void matchesTheStrreplaceEveryConformanceCase() {
    RawConf conf = conf("{\"rule\": {\"find\": {\"type\": \"text\", \"value\": \"o\"}, \"replace\": {\"type\": \"text\", \"value\": \"0\"}}}");
    assertThat(json(strreplace, conf, words)).containsExactly(
        "{\"content\":\"hello world\",\"title\":\"Greetings\",\"strreplace\":\"hell0 w0rld\"}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"strreplace\":\"The Quick Br0wn F0x jumps 0ver the lazy d0g\"}",
        "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"strreplace\":\"  padded text  \"}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"strreplace\":\"Ünïcödé straße ÆØÅ\"}",
        "{\"content\":\"\",\"title\":\"empty\",\"strreplace\":\"\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"strreplace\":\"a,b,,c,b\"}",
        "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"strreplace\":\"line 0ne\\nline tw0\"}",
        "{\"title\":\"no content\",\"strreplace\":\"\"}");
  }

  @Test
  void matchesTheStrreplaceFirstLastConformanceCase() {
    RawConf conf = conf("""
        {"rule": [
          {"find": {"type": "text", "value": "o"}, "replace": {"type": "text", "value": "0"}, "param": {"type": "text", "value": "first"}},
          {"find": {"type": "text", "value": "e"}, "replace": {"type": "text", "value": "3"}, "param": {"type": "text", "value": "last"}}]}""");
    assertThat(json(strreplace, conf, words)).containsExactly(
        "{\"content\":\"hello world\",\"title\":\"Greetings\",\"strreplace\":\"h3ll0 world\"}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"strreplace\":\"The Quick Br0wn Fox jumps over th3 lazy dog\"}",
        "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"strreplace\":\"  padded t3xt  \"}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"strreplace\":\"Ünïcödé straß3 ÆØÅ\"}",
        "{\"content\":\"\",\"title\":\"empty\",\"strreplace\":\"\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"strreplace\":\"a,b,,c,b\"}",
        "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"strreplace\":\"line 0ne\\nlin3 two\"}",
        "{\"title\":\"no content\",\"strreplace\":\"\"}");
  }

  @Test
  void anyOtherParamMeansEvery() {
    assertThat(replace("{\"find\": \"a\", \"replace\": \"b\", \"param\": \"First\"}", "aaa")).isEqualTo("bbb");
    assertThat(replace("{\"find\": \"a\", \"replace\": \"b\", \"param\": \"every\"}", "aaa")).isEqualTo("bbb");
    assertThat(replace("{\"find\": \"a\", \"replace\": \"b\", \"param\": 1}", "aaa")).isEqualTo("bbb");
  }

  @Test
  void lastReplacesOnlyTheLastOccurrence() {
    assertThat(replace("{\"find\": \"ab\", \"replace\": \"X\", \"param\": \"last\"}", "ababab")).isEqualTo("ababX");
    assertThat(replace("{\"find\": \"z\", \"replace\": \"X\", \"param\": \"last\"}", "abc")).isEqualTo("abc");
  }

  @Test
  void findIsLiteralNotARegex() {
    assertThat(replace("{\"find\": \".*\", \"replace\": \"!\"}", "a.*b")).isEqualTo("a!b");
    assertThat(replace("{\"find\": \"$1\", \"replace\": \"\\\\\"}", "x$1y")).isEqualTo("x\\y");
  }

  @Test
  void anEmptyFindMatchesBetweenCharactersAsInPython() {
    assertThat(replace("{\"find\": \"\", \"replace\": \"-\"}", "ab")).isEqualTo("-a-b-");
    assertThat(replace("{\"find\": \"\", \"replace\": \"-\", \"param\": \"first\"}", "ab")).isEqualTo("-ab");
    assertThatThrownBy(() -> strreplace.create(ModuleCall.of("strreplace",
        conf("{\"rule\": {\"find\": \"\", \"replace\": \"-\", \"param\": \"last\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("empty separator");
  }

  @Test
  void emptyReplaceDeletes() {
    assertThat(replace("{\"find\": \" \", \"replace\": \"\"}", " a b ")).isEqualTo("ab");
  }

  @Test
  void assignContentRewritesTheFieldInPlace() {
    assertThat(json(strreplace, conf("{\"rule\": {\"find\": \"a\", \"replace\": \"o\"}}"), CallOptions.none().withAssign("content"),
        items("[{\"content\": \"banana\"}]")))
        .containsExactly("{\"content\":\"bonono\"}");
  }

  @Test
  void rulesMayReadTheItem() {
    RawConf conf = conf("{\"rule\": {\"find\": {\"subkey\": \"old\"}, \"replace\": {\"subkey\": \"new\"}}}");
    assertThat(json(strreplace, conf, items("[{\"content\": \"cat\", \"old\": \"c\", \"new\": \"b\"}, {\"content\": \"cat\", \"old\": \"t\", \"new\": \"r\"}]")))
        .containsExactly("{\"content\":\"cat\",\"old\":\"c\",\"new\":\"b\",\"strreplace\":\"bat\"}",
            "{\"content\":\"cat\",\"old\":\"t\",\"new\":\"r\",\"strreplace\":\"car\"}");
  }

  @Test
  void aDynamicRuleMissingFindFailsAfterEarlierItems() {
    RawConf conf = conf("{\"rule\": {\"find\": {\"subkey\": \"old\"}, \"replace\": \"x\"}}");
    StepVerifier.create(ModuleRunner.run(strreplace, conf, items("[{\"content\": \"cat\", \"old\": \"c\"}, {\"content\": \"cat\"}]")))
        .expectNextMatches(i -> "xat".equals(i.get("strreplace")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class)
            .hasMessageContaining("strreplace").hasMessageContaining("rule.find").hasMessageContaining("required"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void ruleFindAndReplaceAreRequiredText() {
    assertThatThrownBy(() -> strreplace.create(ModuleCall.of("strreplace", RawConf.empty())))
        .isInstanceOf(ConfException.class).hasMessageContaining("'rule'").hasMessageContaining("required");
    assertThatThrownBy(() -> strreplace.create(ModuleCall.of("strreplace", conf("{\"rule\": {\"replace\": \"x\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule.find");
    assertThatThrownBy(() -> strreplace.create(ModuleCall.of("strreplace", conf("{\"rule\": {\"find\": \"x\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule.replace");
    assertThatThrownBy(() -> strreplace.create(ModuleCall.of("strreplace", conf("{\"rule\": {\"find\": 5, \"replace\": \"x\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("must be text");
    assertThatThrownBy(() -> strreplace.create(ModuleCall.of("strreplace", conf("{\"rule\": [\"a\"]}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("must be a map");
  }

  @Test
  void anEmptyRuleListLeavesTheTextUnchanged() {
    assertThat(replace("[]", "abc")).isEqualTo("abc");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(strreplace, conf("{\"rule\": {\"find\": \"a\", \"replace\": \"b\"}}"), List.of())).isEmpty();
  }

  @Test
  void theConfRecordServesJavaCallers() {
    StrReplace.Conf conf = new StrReplace.Conf(List.of(new Rule("Gr", "M", Param.EVERY), new Rule("e", "a", Param.LAST)));
    assertThat(conf.apply("Greetings")).isEqualTo("Meatings");
  }

  @Test
  void isRegistered() {
    assertThat(ModuleRegistry.standard().find("strreplace")).get().isInstanceOf(StrReplace.class);
    assertThat(strreplace.spec().assign()).isEqualTo("strreplace");
  }
}
