package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.modules.processor.ReFind.Location;
import riko.modules.processor.ReFind.Param;
import riko.modules.processor.ReFind.Rule;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;
import riko.value.PythonRegex;

class ReFindTest {

  private final ReFind refind = new ReFind();

  private Object find(String rule, String text) {
    List<Item> out = ModuleRunner.list(refind, conf("{\"rule\": " + rule + "}"), CallOptions.none(),
        List.of(Item.of("content", text)));
    return out.get(0).get("refind");
  }

  @Test
  void declaresRikosMetadataAndDefaults() {
    assertThat(refind.name()).isEqualTo("refind");
    assertThat(refind.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(refind.metadata().loopable()).isTrue();
    assertThat(refind.spec().field()).isEqualTo("content");
    assertThat(refind.spec().assign()).isEqualTo("refind");
    assertThat(refind.spec().alwaysEmit()).isFalse();
    assertThat(refind.spec().defaults()).isEmpty();
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(find("{\"find\": \"[aiou]\"}", "hello world")).isEqualTo("hell");
    assertThat(json(refind, conf("{\"rule\": {\"find\": \"w\", \"location\": \"after\"}}"),
        CallOptions.none().withField("title").withAssign("result"), items("[{\"title\": \"hello world\"}]")))
        .containsExactly("{\"title\":\"hello world\",\"result\":\"orld\"}");
    assertThat(find("[{\"find\": \"o([a-z])\", \"location\": \"after\"}, {\"find\": \"d\"}]", "hello world")).isEqualTo("l");
    assertThat(find("{\"find\": \"\\\\d\", \"param\": \"last\"}", "a1b2c3")).isEqualTo("a\\db\\dc");
    assertThat(find("{\"find\": \"([a-z])\\\\d\", \"location\": \"at\", \"param\": \"last\"}", "a1b2c3")).isEqualTo("c");
  }

  @Test
  void matchesTheRefindAtConformanceCase() {
    assertThat(json(refind, conf("{\"rule\": {\"find\": {\"type\": \"text\", \"value\": \"\\\\w+\"}, \"location\": {\"type\": \"text\", \"value\": \"at\"}}}"),
        Words.all())).containsExactly(
        "{\"content\":\"hello world\",\"title\":\"Greetings\",\"refind\":\"hello\"}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"refind\":\"The\"}",
        "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"refind\":\"padded\"}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"refind\":\"Ünïcödé\"}",
        "{\"content\":\"\",\"title\":\"empty\",\"refind\":\"\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"refind\":\"a\"}",
        "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"refind\":\"line\"}",
        "{\"title\":\"no content\",\"refind\":\"\"}");
  }

  @Test
  void matchesTheRefindBeforeConformanceCase() {
    assertThat(json(refind, conf("{\"rule\": {\"find\": {\"type\": \"text\", \"value\": \"[aeiou]\"}}}"), Words.all())).containsExactly(
        "{\"content\":\"hello world\",\"title\":\"Greetings\",\"refind\":\"h\"}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"refind\":\"Th\"}",
        "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"refind\":\"p\"}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"refind\":\"Ünïcödé str\"}",
        "{\"content\":\"\",\"title\":\"empty\",\"refind\":\"\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"refind\":\"\"}",
        "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"refind\":\"l\"}",
        "{\"title\":\"no content\",\"refind\":\"\"}");
  }

  @Test
  void beforeJoinsThePiecesWithThePatternTextAndTheGroups() {
    assertThat(find("{\"find\": \"-\", \"param\": \"last\"}", "a-b-c")).isEqualTo("a-b");
    assertThat(find("{\"find\": \"(-)\", \"param\": \"last\"}", "a-b-c")).as("captured texts are pieces too").isEqualTo("a(-)-(-)b(-)-");
    assertThat(find("{\"find\": \"(-)\", \"location\": \"after\"}", "a-b-c")).isEqualTo("b-c");
    assertThat(find("{\"find\": \"\\\\s+\", \"location\": \"after\", \"param\": \"last\"}", "one two  three")).isEqualTo("three");
  }

  @Test
  void withoutAMatchBeforeIsEmptyAfterIsTheTextAndAtTheDefault() {
    assertThat(find("{\"find\": \"z\"}", "abc")).isEqualTo("");
    assertThat(find("{\"find\": \"z\", \"location\": \"after\"}", " abc ")).isEqualTo("abc");
    assertThat(find("{\"find\": \"z\", \"location\": \"at\"}", "abc")).isEqualTo("");
    assertThat(find("{\"find\": \"z\", \"location\": \"at\", \"param\": \"last\", \"default\": \"none\"}", "abc")).isEqualTo("none");
  }

  @Test
  void atFirstIsTheWholeMatchAtLastTheLastFindallElement() {
    assertThat(find("{\"find\": \"(\\\\d)x\", \"location\": \"at\"}", "1x 2x")).isEqualTo("1x");
    assertThat(find("{\"find\": \"\\\\dx\", \"location\": \"at\", \"param\": \"last\"}", "1x 2x")).isEqualTo("2x");
    assertThat(find("{\"find\": \"(\\\\d)x\", \"location\": \"at\", \"param\": \"last\"}", "1x 2x")).as("QUIRK: the group").isEqualTo("2");
  }

  @Test
  void anUnknownParamWorksAsFirstExceptForAt() {
    assertThat(find("{\"find\": \"-\", \"param\": \"middle\"}", "a-b-c")).isEqualTo("a");
    assertThat(find("{\"find\": \"-\", \"param\": \"\"}", "a-b-c")).isEqualTo("a");
    assertThat(find("{\"find\": \"b\", \"location\": \"at\", \"param\": \"middle\"}", "abc")).as("QUIRK").isEqualTo("");
    assertThat(find("{\"find\": \"b\", \"location\": \"at\", \"param\": null}", "abc")).isEqualTo("b");
    assertThat(find("{\"find\": \"-\", \"location\": \"AT\"}", "a-b")).as("locations are case-sensitive").isEqualTo("a");
  }

  @Test
  void patternsArePythonsAndCaseSensitive() {
    assertThat(find("{\"find\": \"(?P<d>\\\\d)(?P=d)\", \"location\": \"at\"}", "12 33")).isEqualTo("33");
    assertThat(find("{\"find\": \"B\"}", "abcBd")).isEqualTo("abc");
    assertThat(find("{\"find\": \"\\\\d+\", \"location\": \"at\"}", "x \u0661\u0662 y")).isEqualTo("\u0661\u0662");
  }

  @Test
  void twoGroupsAtLastFailAsInRiko() {
    ModuleCall call = ModuleCall.of("refind", conf("{\"rule\": {\"find\": \"(a)(b)\", \"location\": \"at\", \"param\": \"last\"}}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"content\": \"xyz\"}, {\"content\": \"ab\"}]")).transform(refind.create(call)))
        .expectNextMatches(item -> "".equals(item.get("refind")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("tuple"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void joiningAGroupThatDidNotTakePartFailsAsInRiko() {
    ModuleCall call = ModuleCall.of("refind", conf("{\"rule\": {\"find\": \"(x)|-\"}}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"content\": \"a-b\"}]")).transform(refind.create(call)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("None"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(refind, conf("{\"rule\": {\"find\": \"a\"}}"), List.of())).isEmpty();
  }

  @Test
  void javaCallersCanUseTheRecords() {
    ReFind.Conf conf = new ReFind.Conf(List.of(new Rule("o([a-z])", Location.AFTER, Param.FIRST, ""), new Rule("d", Location.BEFORE, Param.FIRST, "")));
    assertThat(conf.apply("hello world")).isEqualTo("l");
    assertThatThrownBy(() -> new Rule("(", Location.AT, Param.FIRST, "")).isInstanceOf(PythonRegex.InvalidPatternException.class);
  }

  @Test
  void missingRuleOrFindFailsAtAssembly() {
    assertThatThrownBy(() -> refind.create(ModuleCall.of("refind", conf("{}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'rule'");
    assertThatThrownBy(() -> refind.create(ModuleCall.of("refind", conf("{\"rule\": {\"location\": \"at\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule.find").hasMessageContaining("required");
    assertThatThrownBy(() -> refind.create(ModuleCall.of("refind", conf("{\"rule\": {\"find\": 5}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("must be text");
  }

  @Test
  void anInvalidPatternFailsAtAssemblyNamingIt() {
    assertThatThrownBy(() -> refind.create(ModuleCall.of("refind", conf("{\"rule\": {\"find\": \"a(?(1)b)\"}}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("refind")
        .hasMessageContaining("rule.find")
        .hasMessageContaining("'a(?(1)b)'")
        .hasMessageContaining("not supported");
  }

  @Test
  void aDynamicInvalidPatternFailsWhenItsItemIsProcessed() {
    ModuleCall call = ModuleCall.of("refind", conf("{\"rule\": {\"find\": {\"subkey\": \"p\"}, \"location\": \"at\"}}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"content\": \"ab\", \"p\": \"b\"}, {\"content\": \"ab\", \"p\": \"[\"}]"))
            .transform(refind.create(call)))
        .expectNextMatches(item -> "b".equals(item.get("refind")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("'['"))
        .verify(ModuleRunner.TIMEOUT);
  }
}
