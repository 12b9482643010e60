package riko.modules.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.ConfException;
import riko.item.Item;
import riko.json.ItemJson;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class FilterTest {

  private final Filter filter = new Filter();

  private List<String> run(String conf, String input) {
    return json(filter, conf(conf), items(input));
  }

  private static List<String> lines(String jsonArray) {
    return items(jsonArray).stream().map(ItemJson::toJson).toList();
  }

  static Stream<Arguments> specExamples() {
    return Stream.of(
        Arguments.of("{\"rule\": {\"field\": \"x\", \"op\": \"is\", \"value\": 3}}",
            "[{\"x\": 0}, {\"x\": 1}, {\"x\": 2}, {\"x\": 3}, {\"x\": 4}]", "[{\"x\": 3}]"),
        Arguments.of("{\"rule\": {\"field\": \"title\", \"op\": \"contains\", \"value\": \"web\"}}",
            "[{\"title\": \"Good job!\"}, {\"title\": \"Website Developer\"}]", "[{\"title\": \"Website Developer\"}]"),
        Arguments.of("{\"rule\": [{\"field\": \"title\", \"op\": \"contains\", \"value\": \"kjhlked\"}]}",
            "[{\"title\": \"Good job!\"}, {\"title\": \"Website Developer\"}]", "[]"),
        Arguments.of("{\"rule\": {\"field\": \"x\", \"op\": \"less\", \"value\": 2}, \"stop\": true}",
            "[{\"x\": 0}, {\"x\": 1}, {\"x\": 2}, {\"x\": 3}, {\"x\": 4}]", "[{\"x\": 0}, {\"x\": 1}]"),
        Arguments.of("{\"rule\": {\"field\": \"ex\", \"op\": \"greater\", \"value\": 3}}",
            "[{\"ex\": 0}, {\"ex\": 1}, {\"ex\": 2}, {\"ex\": 3}, {\"ex\": 4}]", "[{\"ex\": 4}]"),
        Arguments.of("{\"rule\": [{\"field\": \"score\", \"op\": \"atleast\", \"value\": 10},"
                + " {\"field\": \"published\", \"op\": \"truthy\"}]}",
            "[{\"title\": \"Alpha\", \"score\": 5, \"published\": true}, {\"title\": \"Beta\", \"score\": 15, \"published\": false},"
                + " {\"title\": \"Gamma\", \"score\": 20, \"published\": true}]",
            "[{\"title\": \"Gamma\", \"score\": 20, \"published\": true}]"),
        Arguments.of("{\"rule\": {\"field\": \"t2\", \"op\": \"contains\", \"value\": \"non\"}}",
            "[{\"t\": \"x\"}]", "[{\"t\": \"x\"}]"),
        Arguments.of("{\"rule\": {\"field\": \"s\", \"op\": \"greater\", \"value\": \"10\"}}",
            "[{\"s\": 21}, {\"s\": \"21\"}]", "[{\"s\": \"21\"}]"),
        Arguments.of("{\"rule\": {\"field\": \"d\", \"op\": \"after\", \"value\": \"2020-01-01\"}}",
            "[{\"d\": \"2020-01-02\"}, {\"d\": \"2019-01-01\"}, {}]", "[{\"d\": \"2020-01-02\"}]"),
        Arguments.of("{\"combine\": \"or\", \"permit\": false, \"rule\": {\"field\": \"title\", \"op\": \"contains\", \"value\": \"php\"}}",
            "[{\"title\": \"PHP dev\"}, {\"title\": \"Java dev\"}]", "[{\"title\": \"Java dev\"}]"));
  }

  @ParameterizedTest
  @MethodSource("specExamples")
  void matchesTheSpecExamples(String conf, String input, String output) {
    assertThat(run(conf, input)).isEqualTo(lines(output));
  }

  @Test
  void conformanceFilterContains() {
    List<String> out = json(filter, conf("{\"rule\": [{\"field\": {\"type\": \"text\", \"value\": \"name\"},"
        + " \"op\": {\"type\": \"text\", \"value\": \"contains\"}, \"value\": {\"type\": \"text\", \"value\": \"o\"}}]}"), People.all());
    assertThat(out).isEqualTo(lines("[" + String.join(",", People.P2, People.P3, People.P4, People.P6) + "]"));
  }

  @Test
  void conformanceFilterOrPermit() {
    List<String> out = json(filter, conf("{\"combine\": {\"type\": \"text\", \"value\": \"or\"}, \"rule\": ["
        + "{\"field\": \"city\", \"op\": \"is\", \"value\": \"Boston\"},"
        + "{\"field\": \"age\", \"op\": \"less\", \"value\": {\"type\": \"text\", \"value\": \"20\"}}]}"), People.all());
    // age 19 < "20" never matches (a number against text): only the Boston rule keeps items
    assertThat(out).isEqualTo(lines("[" + People.P1 + "," + People.P4 + "]"));
  }

  @Test
  void conformanceFilterTruthy() {
    List<String> out = json(filter, conf("{\"rule\": [{\"field\": \"note\", \"op\": \"truthy\", \"value\": \"\"}]}"), People.all());
    assertThat(out).isEqualTo(lines("[" + String.join(",", People.P1, People.P3, People.P5, People.P6) + "]"));
  }

  @Test
  void doesNotContainMatchesAMissingFieldReadAsNone() {
    assertThat(run("{\"rule\": {\"field\": \"t\", \"op\": \"doesnotcontain\", \"value\": \"x\"}}",
        "[{\"t\": \"axe\"}, {\"t\": \"\"}, {\"other\": 1}]"))
        .containsExactly("{\"other\":1}");
  }

  @Test
  void matchesIsARegexSearchAcceptingPythonNamedGroups() {
    assertThat(run("{\"rule\": {\"field\": \"t\", \"op\": \"matches\", \"value\": \"(?P<word>b.)(?P=word)\"}}",
        "[{\"t\": \"abxbx\"}, {\"t\": \"abxby\"}, {\"t\": \"ABXBX\"}]"))
        .containsExactly("{\"t\":\"abxbx\"}");
  }

  @Test
  void matchesStringifiesNonTextValues() {
    assertThat(run("{\"rule\": {\"field\": \"n\", \"op\": \"matches\", \"value\": \"^1\\\\.5$\"}}",
        "[{\"n\": 1.5}, {\"n\": 15}, {\"n\": true}]"))
        .containsExactly("{\"n\":1.5}");
  }

  @Test
  void isUsesPythonEquality() {
    assertThat(run("{\"rule\": {\"field\": \"n\", \"op\": \"eq\", \"value\": 1}}",
        "[{\"n\": 1.0}, {\"n\": true}, {\"n\": \"1\"}, {\"n\": 2}]"))
        .containsExactly("{\"n\":1.0}", "{\"n\":true}");
  }

  @Test
  void isNotNeverMatchesAMissingField() {
    assertThat(run("{\"rule\": {\"field\": \"n\", \"op\": \"isnot\", \"value\": 1}}",
        "[{\"n\": 1}, {\"n\": 2}, {}]"))
        .containsExactly("{\"n\":2}");
  }

  @Test
  void ruleWithoutValueNeverMatches() {
    assertThat(run("{\"rule\": {\"field\": \"n\", \"op\": \"is\"}}", "[{\"n\": null}, {\"n\": 1}]")).isEmpty();
  }

  @Test
  void falsyKeepsFalsyAndMissingValues() {
    assertThat(run("{\"rule\": {\"field\": \"n\", \"op\": \"falsy\"}}",
        "[{\"n\": 0}, {\"n\": \"false\"}, {\"n\": []}, {}, {\"n\": 0.0}]"))
        .containsExactly("{\"n\":0}", "{\"n\":[]}", "{}", "{\"n\":0.0}");
  }

  @Test
  void greaterComparesTextAsText() {
    assertThat(run("{\"rule\": {\"field\": \"s\", \"op\": \"greater\", \"value\": \"10\"}}",
        "[{\"s\": \"9\"}, {\"s\": \"100\"}, {\"s\": \"1\"}]"))
        .containsExactly("{\"s\":\"9\"}", "{\"s\":\"100\"}");
  }

  @Test
  void greaterComparesNumbersOfAnyKindExactly() {
    assertThat(run("{\"rule\": {\"field\": \"n\", \"op\": \"greater\", \"value\": 2.5}}",
        "[{\"n\": 3}, {\"n\": 2.5}, {\"n\": true}, {\"n\": 2.6}, {\"n\": null}]"))
        .containsExactly("{\"n\":3}", "{\"n\":2.6}");
  }

  @Test
  void atLeastAndAtMostParseTextAsDecimals() {
    String input = "[{\"n\": \"10\"}, {\"n\": \" 9.5 \"}, {\"n\": \"abc\"}, {\"n\": 11}, {}, {\"n\": \"nan\"}]";
    assertThat(run("{\"rule\": {\"field\": \"n\", \"op\": \"atleast\", \"value\": \"10\"}}", input))
        .containsExactly("{\"n\":\"10\"}", "{\"n\":11}");
    assertThat(run("{\"rule\": {\"field\": \"n\", \"op\": \"atmost\", \"value\": 10}}", input))
        .containsExactly("{\"n\":\"10\"}", "{\"n\":\" 9.5 \"}");
  }

  @Test
  void beforeComparesCalendarDatesAndSkipsUnparsableOnes() {
    assertThat(run("{\"rule\": {\"field\": \"d\", \"op\": \"before\", \"value\": \"2020-01-02T23:00:00+00:00\"}}",
        "[{\"d\": \"2020-01-01\"}, {\"d\": \"2020-01-02T01:00:00+00:00\"}, {\"d\": \"not a date\"}, {\"d\": 0}]"))
        .containsExactly("{\"d\":\"2020-01-01\"}", "{\"d\":0}");
  }

  @Test
  void anUnparsableRuleDateNeverMatches() {
    assertThat(run("{\"rule\": {\"field\": \"d\", \"op\": \"after\", \"value\": \"someday\"}}",
        "[{\"d\": \"2020-01-01\"}]")).isEmpty();
  }

  @Test
  void permitFalseKeepsTheNonMatchingItems() {
    assertThat(run("{\"permit\": false, \"rule\": {\"field\": \"x\", \"op\": \"greater\", \"value\": 1}}",
        "[{\"x\": 0}, {\"x\": 1}, {\"x\": 2}]"))
        .containsExactly("{\"x\":0}", "{\"x\":1}");
  }

  @Test
  void andNeedsEveryRuleOrNeedsOne() {
    String rules = "\"rule\": [{\"field\": \"a\", \"op\": \"truthy\"}, {\"field\": \"b\", \"op\": \"truthy\"}]";
    String input = "[{\"a\": 1, \"b\": 1}, {\"a\": 1}, {}]";
    assertThat(run("{" + rules + "}", input)).containsExactly("{\"a\":1,\"b\":1}");
    assertThat(run("{\"combine\": \"or\", " + rules + "}", input)).containsExactly("{\"a\":1,\"b\":1}", "{\"a\":1}");
  }

  @Test
  void anInvalidCombineDropsEveryItem() {
    assertThat(run("{\"combine\": \"xor\", \"stop\": true, \"rule\": {\"field\": \"x\", \"op\": \"truthy\"}}",
        "[{\"x\": 1}, {\"x\": 0}, {\"x\": 2}]")).isEmpty();
  }

  @Test
  void anItemReferenceInARuleReadsTheEmptyItem() {
    assertThat(run("{\"rule\": {\"field\": \"x\", \"op\": \"is\", \"value\": {\"subkey\": \"x\"}}}",
        "[{\"x\": 1}, {\"x\": 2}]")).isEmpty();
  }

  @Test
  void permitMayBeReadFromEachItem() {
    assertThat(run("{\"permit\": {\"subkey\": \"keep\"}, \"rule\": {\"field\": \"x\", \"op\": \"truthy\"}}",
        "[{\"x\": 1, \"keep\": true}, {\"x\": 1, \"keep\": false}, {\"x\": 0, \"keep\": false}]"))
        .containsExactly("{\"x\":1,\"keep\":true}", "{\"x\":0,\"keep\":false}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(run("{\"rule\": {\"field\": \"x\", \"op\": \"truthy\"}}", "[]")).isEmpty();
  }

  @Test
  void anEmptyRuleListKeepsEverything() {
    assertThat(run("{\"rule\": []}", "[{\"x\": 1}, {\"x\": 0}]")).hasSize(2);
  }

  @Test
  void rawValuesAreFilteredAsContent() {
    List<String> out = json(filter, conf("{\"rule\": {\"field\": \"content\", \"op\": \"contains\", \"value\": \"b\"}}"),
        List.of(Item.ofValue("abc"), Item.ofValue("xyz")));
    assertThat(out).containsExactly("{\"content\":\"abc\"}");
  }

  @Test
  void isLazyOnAnEndlessSource() {
    Flux<Item> endless = Flux.<Item, Long>generate(() -> 0L, (n, sink) -> {
      sink.next(Item.of("n", n));
      return n + 1;
    });
    ModuleCall call = ModuleCall.of("filter", conf("{\"rule\": {\"field\": \"n\", \"op\": \"greater\", \"value\": 10}}"));
    StepVerifier.create(endless.transform(filter.create(call)).take(2))
        .expectNext(Item.of("n", 11L), Item.of("n", 12L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void stopEndsAnEndlessSource() {
    Flux<Item> endless = Flux.<Item, Long>generate(() -> 0L, (n, sink) -> {
      sink.next(Item.of("n", n));
      return n + 1;
    });
    ModuleCall call = ModuleCall.of("filter", conf("{\"stop\": true, \"rule\": {\"field\": \"n\", \"op\": \"less\", \"value\": 3}}"));
    StepVerifier.create(endless.transform(filter.create(call)))
        .expectNextCount(3)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void unknownOpFailsAtAssemblyNamingIt() {
    assertThatThrownBy(() -> filter.create(ModuleCall.of("filter", conf("{\"rule\": {\"field\": \"x\", \"op\": \"Contains\", \"value\": 1}}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("rule.op")
        .hasMessageContaining("'Contains'")
        .hasMessageContaining("doesnotcontain");
  }

  @Test
  void unknownOpFromATerminalFailsWhenTheStreamIsPulled() {
    ModuleCall call = ModuleCall.of("filter", conf("{\"rule\": {\"field\": \"x\", \"op\": {\"terminal\": \"op\", \"type\": \"text\"}, \"value\": 1}}"))
        .withTerminals(Map.of("op", Flux.just(Item.ofValue("bogus"))));
    Flux<Item> out = Flux.just(Item.of("x", 1L)).transform(filter.create(call));
    StepVerifier.create(out)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("'bogus'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void opFromATerminalIsUsed() {
    ModuleCall call = ModuleCall.of("filter", conf("{\"rule\": {\"field\": \"x\", \"op\": {\"terminal\": \"op\", \"type\": \"text\"}, \"value\": 1}}"))
        .withTerminals(Map.of("op", Flux.just(Item.ofValue("is"))));
    StepVerifier.create(Flux.just(Item.of("x", 1L), Item.of("x", 2L)).transform(filter.create(call)))
        .expectNext(Item.of("x", 1L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void badRegexFailsAtAssembly() {
    assertThatThrownBy(() -> filter.create(ModuleCall.of("filter", conf("{\"rule\": {\"field\": \"x\", \"op\": \"matches\", \"value\": \"(\"}}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("regular expression");
  }

  @Test
  void missingRuleFailsAtAssembly() {
    assertThatThrownBy(() -> filter.create(ModuleCall.of("filter", conf("{}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'rule'");
  }

  @Test
  void upstreamErrorsArriveAfterTheItemsAlreadyKept() {
    Flux<Item> failing = Flux.concat(Flux.just(Item.of("x", 1L)), Flux.error(new IllegalStateException("boom")));
    ModuleCall call = ModuleCall.of("filter", conf("{\"rule\": {\"field\": \"x\", \"op\": \"truthy\"}}"));
    StepVerifier.create(failing.transform(filter.create(call)))
        .expectNext(Item.of("x", 1L))
        .expectErrorMatches(e -> e.getMessage().contains("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void javaCallersCanUseTheConfRecord() {
    Filter.Conf conf = new Filter.Conf(List.of(new Filter.Rule("x", "atleast", 2L)), "and", true, false);
    StepVerifier.create(Flux.just(Item.of("x", 1L), Item.of("x", 2L)).transform(Filter.of(conf)))
        .expectNext(Item.of("x", 2L))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void matchesReadsPythonSyntax() {
    // \Z is Python's end of text, \d is Unicode-aware, an escaped parenthesis is a literal (made optional by ?)
    assertThat(run("{\"rule\": {\"field\": \"t\", \"op\": \"matches\", \"value\": \"(?P<y>\\\\d+)-(?P=y)\\\\Z\"}}",
        "[{\"t\": \"12-12\"}, {\"t\": \"12-12\\n\"}, {\"t\": \"\u0661-\u0661\"}, {\"t\": \"12-13\"}]"))
        .containsExactly("{\"t\":\"12-12\"}", "{\"t\":\"\u0661-\u0661\"}");
    assertThat(run("{\"rule\": {\"field\": \"t\", \"op\": \"matches\", \"value\": \"a\\\\(?P<b>\"}}",
        "[{\"t\": \"a(P<b>\"}, {\"t\": \"aP<b>\"}, {\"t\": \"ab\"}]"))
        .containsExactly("{\"t\":\"a(P<b>\"}", "{\"t\":\"aP<b>\"}");
  }

  @Test
  void aPatternPythonRejectsFailsAtAssemblyNamingIt() {
    assertThatThrownBy(() -> filter.create(ModuleCall.of("filter",
        conf("{\"rule\": {\"field\": \"x\", \"op\": \"matches\", \"value\": \"\\\\p{L}\"}}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'\\\\p{L}'")
        .hasMessageContaining("bad escape");
  }
}
