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
import riko.modules.processor.StrTransform.Rule;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.testing.ModuleRunner;

class StrTransformTest {

  private final StrTransform strtransform = new StrTransform();

  /** {@code words.json} of the conformance data. */
  private final List<Item> words = Words.all();

  /** The transform's result for {@code text}, through the module. */
  private Object transform(String rule, String text) {
    List<Item> out = ModuleRunner.list(strtransform, conf("{\"rule\": " + rule + "}"), CallOptions.none(),
        List.of(Item.of("content", text)));
    return out.get(0).get("strtransform");
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": \"title\"}}"), items("[{\"content\": \"hello world\"}]")))
        .containsExactly("{\"content\":\"hello world\",\"strtransform\":\"Hello World\"}");
    assertThat(json(strtransform, conf("{\"rule\": [{\"transform\": \"lower\"}, {\"transform\": \"count\", \"args\": \"g\"}]}"),
        CallOptions.none().withField("title").withAssign("result"), items("[{\"title\": \"Greetings\"}]")))
        .containsExactly("{\"title\":\"Greetings\",\"result\":2}");
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": \"capitalize\"}}"), items("[{\"content\": \"hELLO World\"}]")))
        .containsExactly("{\"content\":\"hELLO World\",\"strtransform\":\"Hello world\"}");
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": \"replace\", \"args\": \"X,Y\"}}"), items("[{\"content\": \"aXbX\"}]")))
        .containsExactly("{\"content\":\"aXbX\",\"strtransform\":\"aYbY\"}");
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": \"strip\", \"args\": \"x\"}}"), items("[{\"content\": \"xxhixx\"}]")))
        .containsExactly("{\"content\":\"xxhixx\",\"strtransform\":\"hi\"}");
  }

  @Test
  void matchesTheStrtransformTitleConformanceCase() {
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": {\"type\": \"text\", \"value\": \"title\"}}}"), words))
        .containsExactly(
            "{\"content\":\"hello world\",\"title\":\"Greetings\",\"strtransform\":\"Hello World\"}",
            "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"strtransform\":\"The Quick Brown Fox Jumps Over The Lazy Dog\"}",
            "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"strtransform\":\"  Padded Text  \"}",
            "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"strtransform\":\"Ünïcödé Straße Æøå\"}",
            "{\"content\":\"\",\"title\":\"empty\",\"strtransform\":\"\"}",
            "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"strtransform\":\"A,B,,C,B\"}",
            "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"strtransform\":\"Line One\\nLine Two\"}",
            "{\"title\":\"no content\",\"strtransform\":\"\"}");
  }

  @Test
  void matchesTheStrtransformUpperConformanceCase() {
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": {\"type\": \"text\", \"value\": \"upper\"}}}"), words))
        .containsExactly(
            "{\"content\":\"hello world\",\"title\":\"Greetings\",\"strtransform\":\"HELLO WORLD\"}",
            "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"strtransform\":\"THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG\"}",
            "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"strtransform\":\"  PADDED TEXT  \"}",
            "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"strtransform\":\"ÜNÏCÖDÉ STRASSE ÆØÅ\"}",
            "{\"content\":\"\",\"title\":\"empty\",\"strtransform\":\"\"}",
            "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"strtransform\":\"A,B,,C,B\"}",
            "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"strtransform\":\"LINE ONE\\nLINE TWO\"}",
            "{\"title\":\"no content\",\"strtransform\":\"\"}");
  }

  @Test
  void titleStartsAWordAfterAnyUncasedCharacter() {
    assertThat(transform("{\"transform\": \"title\"}", "they're 3rd-party")).isEqualTo("They'Re 3Rd-Party");
    assertThat(transform("{\"transform\": \"title\"}", "ǆemal ßa ﬁsh")).isEqualTo("ǅemal Ssa Fish");
    assertThat(transform("{\"transform\": \"title\"}", "ᾳ ŉ")).isEqualTo("ᾼ ʼN");
  }

  @Test
  void caseMappingsAreFullUnicodeMappings() {
    assertThat(transform("{\"transform\": \"upper\"}", "straße ﬁ")).isEqualTo("STRASSE FI");
    assertThat(transform("{\"transform\": \"lower\"}", "İSTANBUL")).isEqualTo("i\u0307stanbul");
    assertThat(transform("{\"transform\": \"lower\"}", "ΟΔΟΣ ΣΑ")).as("final sigma").isEqualTo("οδος σα");
    assertThat(transform("{\"transform\": \"swapcase\"}", "Hello ΣΑΣ ß")).isEqualTo("hELLO σας SS");
    assertThat(transform("{\"transform\": \"capitalize\"}", "ǆEMAL")).as("title-cased first letter").isEqualTo("ǅemal");
    assertThat(transform("{\"transform\": \"capitalize\"}", "")).isEqualTo("");
  }

  @Test
  void stripsPythonWhitespaceOrTheGivenCharacters() {
    assertThat(transform("{\"transform\": \"strip\"}", "\u00a0\t hi \u2003\n")).isEqualTo("hi");
    assertThat(transform("{\"transform\": \"lstrip\"}", "  hi  ")).isEqualTo("hi  ");
    assertThat(transform("{\"transform\": \"rstrip\", \"args\": \"xy\"}", "xyhiyx")).isEqualTo("xyhi");
    assertThat(transform("{\"transform\": \"lstrip\", \"args\": \"😀\"}", "😀😀hi")).isEqualTo("hi");
  }

  @Test
  void replaceCountAndFindWorkOnCodePoints() {
    assertThat(transform("{\"transform\": \"replace\", \"args\": \"o,0\"}", "foo boo")).isEqualTo("f00 b00");
    assertThat(transform("{\"transform\": \"replace\", \"args\": \",-\"}", "ab")).as("empty old").isEqualTo("-a-b-");
    assertThat(transform("{\"transform\": \"count\", \"args\": \"aa\"}", "aaaaa")).isEqualTo(2L);
    assertThat(transform("{\"transform\": \"find\", \"args\": \"b\"}", "😀ab")).isEqualTo(2L);
    assertThat(transform("{\"transform\": \"find\", \"args\": \"z\"}", "abc")).isEqualTo(-1L);
  }

  @Test
  void unknownOrMissingTransformLeavesTheValueUnchanged() {
    assertThat(transform("{\"transform\": \"reverse\"}", "abc")).isEqualTo("abc");
    assertThat(transform("{\"transform\": \"Upper\"}", "abc")).as("case-sensitive").isEqualTo("abc");
    assertThat(transform("{\"args\": \"x\"}", "abc")).isEqualTo("abc");
    assertThat(transform("[]", "abc")).isEqualTo("abc");
  }

  @Test
  void zfillAlwaysFailsBecauseArgumentsAreStrings() {
    StepVerifier.create(ModuleRunner.run(strtransform, conf("{\"rule\": {\"transform\": \"zfill\", \"args\": \"5\"}}"),
            items("[{\"content\": \"42\"}]")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("strtransform").hasMessageContaining("cannot be interpreted as an integer"))
        .verify(ModuleRunner.TIMEOUT);
    assertThatThrownBy(() -> new Rule("zfill", List.of()).apply("42")).hasMessageContaining("exactly one argument");
  }

  @Test
  void wrongArgumentsFailAsInPython() {
    assertThatThrownBy(() -> new Rule("upper", List.of("x")).apply("a")).hasMessageContaining("takes no arguments");
    assertThatThrownBy(() -> new Rule("strip", List.of("a", "b")).apply("a")).hasMessageContaining("at most 1 argument");
    assertThatThrownBy(() -> new Rule("replace", List.of("a")).apply("a")).hasMessageContaining("at least 2");
    assertThatThrownBy(() -> new Rule("replace", List.of("a", "b", "1")).apply("a")).hasMessageContaining("integer");
    assertThatThrownBy(() -> new Rule("find", List.of("a", "1")).apply("a")).hasMessageContaining("slice indices");
    assertThatThrownBy(() -> new Rule("count", List.of()).apply("a")).hasMessageContaining("at least 1");
  }

  @Test
  void aStringTransformAfterCountFailsAfterEarlierItems() {
    RawConf conf = conf("{\"rule\": [{\"transform\": \"count\", \"args\": \"a\"}, {\"transform\": {\"subkey\": \"then\"}}]}");
    List<Item> input = items("[{\"content\": \"banana\", \"then\": \"shout\"}, {\"content\": \"banana\", \"then\": \"upper\"}]");
    StepVerifier.create(ModuleRunner.run(strtransform, conf, input))
        .expectNextMatches(i -> Long.valueOf(3).equals(i.get("strtransform")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("'int' object has no attribute 'upper'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void ruleIsRequired() {
    assertThatThrownBy(() -> strtransform.create(ModuleCall.of("strtransform", RawConf.empty())))
        .isInstanceOf(ConfException.class).hasMessageContaining("'rule'").hasMessageContaining("required");
  }

  @Test
  void malformedStaticRulesFailAtAssembly() {
    assertThatThrownBy(() -> strtransform.create(ModuleCall.of("strtransform", conf("{\"rule\": \"title\"}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("must be a map");
    assertThatThrownBy(() -> strtransform.create(ModuleCall.of("strtransform", conf("{\"rule\": {\"transform\": \"zfill\", \"args\": 5}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule.args").hasMessageContaining("must be text");
  }

  @Test
  void rulesMayReadTheItem() {
    RawConf conf = conf("{\"rule\": {\"transform\": {\"subkey\": \"how\"}}}");
    assertThat(json(strtransform, conf, items("[{\"content\": \"Ab\", \"how\": \"upper\"}, {\"content\": \"Ab\", \"how\": \"lower\"}]")))
        .containsExactly("{\"content\":\"Ab\",\"how\":\"upper\",\"strtransform\":\"AB\"}",
            "{\"content\":\"Ab\",\"how\":\"lower\",\"strtransform\":\"ab\"}");
  }

  @Test
  void nonTextFieldsAreReadAsTheirPythonStr() {
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": \"upper\"}}"), items("[{\"content\": true}, {\"content\": 1.0}]")))
        .containsExactly("{\"content\":true,\"strtransform\":\"TRUE\"}", "{\"content\":1.0,\"strtransform\":\"1.0\"}");
  }

  @Test
  void assignContentRewritesTheFieldInPlace() {
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": \"upper\"}}"), CallOptions.none().withAssign("content"),
        items("[{\"content\": \"abc\"}]")))
        .containsExactly("{\"content\":\"ABC\"}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(strtransform, conf("{\"rule\": {\"transform\": \"upper\"}}"), List.of())).isEmpty();
  }

  @Test
  void theConfRecordServesJavaCallers() {
    StrTransform.Conf conf = new StrTransform.Conf(List.of(new Rule("lower", List.of()), new Rule("count", List.of("g"))));
    assertThat(conf.apply("Greetings")).isEqualTo(2L);
    assertThat(StrTransform.Transform.named("swapcase")).contains(StrTransform.Transform.SWAPCASE);
  }

  @Test
  void isRegistered() {
    assertThat(ModuleRegistry.standard().find("strtransform")).get().isInstanceOf(StrTransform.class);
    assertThat(strtransform.spec().assign()).isEqualTo("strtransform");
  }
}
