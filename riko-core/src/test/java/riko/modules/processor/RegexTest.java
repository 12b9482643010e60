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
import riko.conf.Count;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;
import riko.value.PythonRegex;

class RegexTest {

  private final Regex regex = new Regex();

  private List<String> run(String conf, String input) {
    return json(regex, conf(conf), items(input));
  }

  private String rewrite(String rule, String content) {
    List<Item> out = ModuleRunner.list(regex, conf("{\"rule\": " + rule + "}"), CallOptions.none(),
        List.of(Item.of("content", content)));
    return (String) out.get(0).get("content");
  }

  @Test
  void declaresRikosMetadataAndDefaults() {
    assertThat(regex.name()).isEqualTo("regex");
    assertThat(regex.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(regex.metadata().loopable()).isTrue();
    assertThat(regex.spec().field()).isNull();
    assertThat(regex.spec().alwaysEmit()).isTrue();
    assertThat(regex.spec().assign()).isEqualTo("regex");
    assertThat(regex.spec().defaults()).isEqualTo(Map.of("multi", false, "convert", true));
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(run("{\"rule\": {\"field\": \"content\", \"match\": \"(\\\\w+)\\\\s(\\\\w+)\", \"replace\": \"$2wide\"}}",
        "[{\"content\": \"hello world\", \"title\": \"greeting\"}]"))
        .containsExactly("{\"content\":\"worldwide\",\"title\":\"greeting\"}");
    assertThat(run("{\"rule\": {\"field\": \"content\", \"match\": \"hello.*\", \"replace\": \"bye\"}}",
        "[{\"content\": \"Hello hello\"}]")).containsExactly("{\"content\":\"bye\"}");
    assertThat(run("{\"rule\": {\"field\": \"content\", \"match\": \"hello.*\", \"replace\": \"bye\", \"casematch\": true}}",
        "[{\"content\": \"Hello hello\"}]")).containsExactly("{\"content\":\"Hello bye\"}");
    assertThat(run("{\"rule\": {\"field\": \"a\", \"match\": \"a\", \"replace\": \"b\", \"singlelinematch\": true}}",
        "[{\"a\": \"aaa\"}]")).containsExactly("{\"a\":\"baa\"}");
    assertThat(run("{\"rule\": {\"field\": \"a\", \"match\": \"z\", \"replace\": \"b\", \"default\": \"D\"}}",
        "[{\"a\": \"aaa\"}]")).containsExactly("{\"a\":\"D\"}");
    assertThat(run("{\"rule\": {\"field\": \"b\", \"match\": \"x\", \"replace\": \"y\"}}", "[{\"a\": 1}]"))
        .containsExactly("{\"a\":1,\"b\":null}");
    assertThat(run("{\"rule\": {\"field\": \"a\", \"match\": \"2\", \"replace\": \"X\"}}", "[{\"a\": 123}]"))
        .containsExactly("{\"a\":\"1X3\"}");
    assertThat(run("{\"rule\": {\"field\": {\"type\": \"text\", \"value\": \"url\"}, \"match\": {\"type\": \"text\", \"subkey\": \"url\"},"
        + " \"replace\": {\"type\": \"text\", \"value\": \"farechart\"}}}",
        "[{\"url\": \"http://www.caltrain.com/Fares/farechart.html\"}]"))
        .containsExactly("{\"url\":\"farechart\"}");
  }

  @Test
  void matchesTheRegexGroupsConformanceCase() {
    String conf = "{\"rule\": {\"field\": {\"type\": \"text\", \"value\": \"content\"},"
        + " \"match\": {\"type\": \"text\", \"value\": \"(\\\\w+)\\\\s(\\\\w+)\"}, \"replace\": {\"type\": \"text\", \"value\": \"$2-$1\"}}}";
    assertThat(json(regex, conf(conf), Words.all())).containsExactly(
        "{\"content\":\"world-hello\",\"title\":\"Greetings\"}",
        "{\"content\":\"Quick-The Fox-Brown over-jumps lazy-the dog\",\"title\":\"pangram\"}",
        "{\"content\":\"  text-padded  \",\"title\":\"Padded\"}",
        "{\"content\":\"straße-Ünïcödé ÆØÅ\",\"title\":\"unicode\"}",
        "{\"content\":\"\",\"title\":\"empty\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\"}",
        "{\"content\":\"one-line\\ntwo-line\",\"title\":\"multi line\"}",
        "{\"title\":\"no content\",\"content\":null}");
  }

  @Test
  void matchesTheRegexRulesConformanceCase() {
    // ^ is multi-line by default, singlematch is ignored (every o is replaced)
    String conf = """
        {"rule": [
          {"field": {"type": "text", "value": "title"}, "match": {"type": "text", "value": "^(.)"},
           "replace": {"type": "text", "value": "[$1]"}},
          {"field": {"type": "text", "value": "content"}, "match": {"type": "text", "value": "o"},
           "replace": {"type": "text", "value": "0"}, "singlematch": {"type": "bool", "value": true}}]}""";
    assertThat(json(regex, conf(conf), Words.all())).containsExactly(
        "{\"content\":\"hell0 w0rld\",\"title\":\"[G]reetings\"}",
        "{\"content\":\"The Quick Br0wn F0x jumps 0ver the lazy d0g\",\"title\":\"[p]angram\"}",
        "{\"content\":\"  padded text  \",\"title\":\"[P]added\"}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"[u]nicode\"}",
        "{\"content\":\"\",\"title\":\"[e]mpty\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"[c]sv-ish\"}",
        "{\"content\":\"line 0ne\\nline tw0\",\"title\":\"[m]ulti line\"}",
        "{\"title\":\"[n]o content\",\"content\":null}");
  }

  @Test
  void emitsTheRewrittenItemEvenWhenAskedToAssignAllOfIt() {
    // the Yahoo! pipe QMrlL_FS3BGlpwryODY80A: emit true wins over assign and count
    ModuleCall call = ModuleCall.of("regex", conf("{\"rule\": {\"field\": \"title\", \"match\": \"(.+)\", \"replace\": \"[Weight] $1\"}}"))
        .withOptions(CallOptions.none().withEmit(true).withAssign("loop:regex").withCount(Count.ALL));
    StepVerifier.create(Flux.just(Item.of("title", "Fit kids"), Item.of("title", "Diet")).transform(regex.create(call)))
        .expectNext(Item.of("title", "[Weight] Fit kids"))
        .expectNext(Item.of("title", "[Weight] Diet"))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emitFalseAssignsTheRewrittenItemUnderRegex() {
    assertThat(json(regex, conf("{\"rule\": {\"field\": \"a\", \"match\": \"x\", \"replace\": \"y\"}}"),
        CallOptions.none().withEmit(false), items("[{\"a\": \"x\"}]")))
        .containsExactly("{\"a\":\"x\",\"regex\":{\"a\":\"y\"}}");
  }

  @Test
  void replacementsArePythonTemplatesAfterDollarTranslation() {
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"(?P<w>\\\\w+)\", \"replace\": \"<\\\\g<w>|\\\\1|$1>\"}", "ab"))
        .isEqualTo("<ab|ab|ab>");
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"b\", \"replace\": \"\\\\n\\\\t\\\\\\\\\"}", "abc"))
        .isEqualTo("a\n\t\\c");
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"b\", \"replace\": \"$ and $x cost $\"}", "abc"))
        .as("a $ without digits is literal").isEqualTo("a$ and $x cost $c");
  }

  @Test
  void dollarZeroIsANulCharacterNotTheMatch() {
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"b\", \"replace\": \"[$0]\"}", "abc")).isEqualTo("a[\0]c");
  }

  @Test
  void aGroupThatDidNotTakePartIsEmpty() {
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"(x)|(b)\", \"replace\": \"[$1|$2]\"}", "abc")).isEqualTo("a[|b]c");
  }

  @Test
  void matchingIsCaseInsensitiveMultiLineAndDotAllByDefault() {
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"^L\", \"replace\": \">\"}", "line\nlane")).isEqualTo(">ine\n>ane");
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"e.l\", \"replace\": \"-\"}", "line\nlane")).isEqualTo("lin-ane");
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"É\", \"replace\": \"e\"}", "café")).isEqualTo("cafe");
  }

  @Test
  void singleLineMatchConfinesTheLineAnchorsAndTheDotAndReplacesOnce() {
    String rule = "{\"field\": \"content\", \"match\": \"^l|e.l\", \"replace\": \"-\", \"singlelinematch\": true}";
    assertThat(rewrite(rule, "line\nlane")).isEqualTo("-ine\nlane");
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"e.l\", \"replace\": \"-\", \"singlelinematch\": true}", "line\nlane"))
        .isEqualTo("line\nlane");
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"a$\", \"replace\": \"-\", \"singlelinematch\": true}", "a\na\n"))
        .as("$ matches before a final newline only").isEqualTo("a\n-\n");
  }

  @Test
  void typedFlagsAreReadByTruthiness() {
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"a\", \"replace\": \"b\", \"casematch\": {\"type\": \"bool\", \"value\": \"false\"}}", "A"))
        .isEqualTo("b");
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"a\", \"replace\": \"b\", \"casematch\": \"no\"}", "A"))
        .as("the text 'no' is truthy").isEqualTo("A");
  }

  @Test
  void defaultAppliesOnlyWhenNothingMatched() {
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"a\", \"replace\": \"b\", \"default\": \"D\"}", "xa")).isEqualTo("xb");
    assertThat(rewrite("{\"field\": \"content\", \"match\": \"a\", \"replace\": \"b\", \"default\": \"D\"}", ""))
        .as("an empty text is left alone").isEqualTo("");
    assertThat(run("{\"rule\": {\"field\": \"n\", \"match\": \"z\", \"default\": 7}}", "[{\"n\": \"x\"}]"))
        .as("the default is not stringified").containsExactly("{\"n\":7}");
  }

  @Test
  void laterRulesRewriteAnEarlierDefault() {
    assertThat(run("{\"rule\": [{\"field\": \"a\", \"match\": \"z\", \"default\": \"dog\"}, {\"field\": \"a\", \"match\": \"o\", \"replace\": \"0\"}]}",
        "[{\"a\": \"cat\"}]")).containsExactly("{\"a\":\"d0g\"}");
    assertThat(run("{\"rule\": [{\"field\": \"a\", \"match\": \"z\", \"default\": 0}, {\"field\": \"a\", \"match\": \"o\", \"replace\": \"0\"}]}",
        "[{\"a\": \"cat\"}]")).as("a falsy default is left alone").containsExactly("{\"a\":0}");
  }

  @Test
  void aTruthyNonTextDefaultCannotBeRewrittenByALaterRule() {
    ModuleCall call = ModuleCall.of("regex", conf(
        "{\"rule\": [{\"field\": \"a\", \"match\": \"z\", \"default\": 5}, {\"field\": \"a\", \"match\": \"o\", \"replace\": \"0\"}]}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"a\": \"z\"}, {\"a\": \"cat\"}]")).transform(regex.create(call)))
        .expectNext(Item.of("a", ""))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("5"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void aNumberThatNothingMatchedBecomesText() {
    assertThat(run("{\"rule\": {\"field\": \"a\", \"match\": \"z\", \"replace\": \"X\"}}", "[{\"a\": 123, \"b\": true}]"))
        .containsExactly("{\"a\":\"123\",\"b\":true}");
    assertThat(run("{\"rule\": {\"field\": \"b\", \"match\": \"T\", \"replace\": \"t\"}}", "[{\"b\": true}]"))
        .containsExactly("{\"b\":\"true\"}");
  }

  @Test
  void anExplicitNullStaysNull() {
    assertThat(run("{\"rule\": {\"field\": \"a\", \"match\": \"x\", \"replace\": \"y\"}}", "[{\"a\": null, \"b\": 1}]"))
        .containsExactly("{\"a\":null,\"b\":1}");
  }

  @Test
  void rulesAreGroupedByFieldInOrderOfFirstAppearance() {
    String conf = "{\"rule\": [{\"field\": \"a\", \"match\": \"x\", \"replace\": \"y\"}, {\"field\": \"b\", \"match\": \"y\", \"replace\": \"z\"},"
        + " {\"field\": \"a\", \"match\": \"y\", \"replace\": \"w\"}]}";
    assertThat(run(conf, "[{\"a\": \"x\", \"b\": \"y\"}]")).containsExactly("{\"a\":\"w\",\"b\":\"z\"}");
  }

  @Test
  void aDottedFieldIsAPathReadAndWrite() {
    assertThat(run("{\"rule\": {\"field\": \"a.b\", \"match\": \"x\", \"replace\": \"y\"}}", "[{\"a\": {\"b\": \"x\", \"c\": 1}}]"))
        .containsExactly("{\"a\":{\"b\":\"y\",\"c\":1}}");
    assertThat(run("{\"rule\": {\"field\": \"a.b\", \"match\": \"x\", \"replace\": \"y\"}}", "[{\"c\": 1}]"))
        .containsExactly("{\"c\":1,\"a\":{\"b\":null}}");
  }

  @Test
  void multiAppliesTheRulesOneAfterTheOther() {
    String rules = "[{\"field\": \"content\", \"match\": \"(\\\\w+)\\\\s(\\\\w+)\", \"replace\": \"$2wide\"}, {\"field\": \"content\", \"match\": \"wide\", \"replace\": \"WIDE\", \"seriesmatch\": false, \"offset\": 2}]";
    assertThat(run("{\"multi\": true, \"rule\": " + rules + "}", "[{\"content\": \"hello world\"}]"))
        .isEqualTo(run("{\"multi\": false, \"rule\": " + rules + "}", "[{\"content\": \"hello world\"}]"))
        .containsExactly("{\"content\":\"worldWIDE\"}");
  }

  @Test
  void convertIsAcceptedAndIgnored() {
    assertThat(run("{\"convert\": false, \"rule\": {\"field\": \"a\", \"match\": \"1\", \"replace\": \"2\"}}", "[{\"a\": 1}]"))
        .containsExactly("{\"a\":\"2\"}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(run("{\"rule\": {\"field\": \"a\", \"match\": \"x\"}}", "[]")).isEmpty();
  }

  @Test
  void javaCallersCanUseTheRecords() {
    Regex.Rule rule = new Regex.Rule("content", "(\\w+)\\s(\\w+)", "$2wide", null, false, false);
    assertThat(rule.apply(Item.of("content", "hello world"))).isEqualTo(Item.of("content", "worldwide"));
    assertThat(rule.apply("a b")).isEqualTo("bwide");
    assertThat(new Regex.Conf(List.of(rule), false).apply(Item.of("x", 1L))).isEqualTo(Item.of("x", 1L).put("content", null));
    assertThatThrownBy(() -> new Regex.Rule("a", "(", "", null, false, false))
        .isInstanceOf(PythonRegex.InvalidPatternException.class);
  }

  @Test
  void missingRuleFailsAtAssembly() {
    assertThatThrownBy(() -> regex.create(ModuleCall.of("regex", conf("{}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'rule'")
        .hasMessageContaining("required");
  }

  @Test
  void unknownRuleKeysFailAtAssembly() {
    for (String key : List.of("series", "flags")) {
      assertThatThrownBy(() -> regex.create(ModuleCall.of("regex",
          conf("{\"rule\": {\"field\": \"a\", \"match\": \"x\", \"" + key + "\": 1}}"))))
          .isInstanceOf(ConfException.class)
          .hasMessageContaining("regex")
          .hasMessageContaining("rule." + key)
          .hasMessageContaining("casematch");
    }
  }

  @Test
  void aRuleWithoutFieldOrMatchFailsAtAssembly() {
    assertThatThrownBy(() -> regex.create(ModuleCall.of("regex", conf("{\"rule\": {\"match\": \"x\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule.field");
    assertThatThrownBy(() -> regex.create(ModuleCall.of("regex", conf("{\"rule\": {\"field\": \"a\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule.match");
    assertThatThrownBy(() -> regex.create(ModuleCall.of("regex", conf("{\"rule\": {\"field\": \"a\", \"match\": 5}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("must be text");
    assertThatThrownBy(() -> regex.create(ModuleCall.of("regex", conf("{\"rule\": [\"a\"]}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule");
  }

  @Test
  void anInvalidPatternFailsAtAssemblyNamingIt() {
    assertThatThrownBy(() -> regex.create(ModuleCall.of("regex", conf("{\"rule\": {\"field\": \"a\", \"match\": \"(?P<x>a\"}}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("rule.match")
        .hasMessageContaining("'(?P<x>a'")
        .hasMessageContaining("missing )");
  }

  @Test
  void anInvalidReplacementFailsAtAssembly() {
    assertThatThrownBy(() -> regex.create(ModuleCall.of("regex", conf("{\"rule\": {\"field\": \"a\", \"match\": \"(b)\", \"replace\": \"$1$2\"}}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("rule.replace")
        .hasMessageContaining("invalid group reference 2");
    assertThatThrownBy(() -> regex.create(ModuleCall.of("regex", conf("{\"rule\": {\"field\": \"a\", \"match\": \"b\", \"replace\": \"\\\\q\"}}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("bad escape");
  }

  @Test
  void aDynamicInvalidPatternFailsWhenItsItemIsProcessed() {
    ModuleCall call = ModuleCall.of("regex", conf("{\"rule\": {\"field\": \"a\", \"match\": {\"subkey\": \"p\"}, \"replace\": \"-\"}}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"a\": \"xy\", \"p\": \"x\"}, {\"a\": \"xy\", \"p\": \"[\"}]")).transform(regex.create(call)))
        .expectNext(Item.of("a", "-y").put("p", "x"))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("'['"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void aFieldOptionOnANonMapFailsTheItem() {
    ModuleCall call = ModuleCall.of("regex", conf("{\"rule\": {\"field\": \"a\", \"match\": \"x\"}}"))
        .withOptions(CallOptions.none().withField("s"));
    StepVerifier.create(Flux.fromIterable(items("[{\"s\": \"text\"}]")).transform(regex.create(call)))
        .expectError(ModuleException.class)
        .verify(ModuleRunner.TIMEOUT);
  }
}
