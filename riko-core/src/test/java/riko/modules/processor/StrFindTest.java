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
import riko.modules.processor.StrFind.Location;
import riko.modules.processor.StrFind.Param;
import riko.modules.processor.StrFind.Rule;
import riko.spi.ModuleCall;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;

class StrFindTest {

  private final StrFind strfind = new StrFind();

  private Object find(String rule, String text) {
    List<Item> out = ModuleRunner.list(strfind, conf("{\"rule\": " + rule + "}"), CallOptions.none(),
        List.of(Item.of("content", text)));
    return out.get(0).get("strfind");
  }

  @Test
  void declaresRikosMetadataAndDefaults() {
    assertThat(strfind.name()).isEqualTo("strfind");
    assertThat(strfind.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(strfind.metadata().loopable()).isTrue();
    assertThat(strfind.spec().field()).isEqualTo("content");
    assertThat(strfind.spec().assign()).isEqualTo("strfind");
    assertThat(strfind.spec().alwaysEmit()).isFalse();
    assertThat(strfind.spec().defaults()).isEmpty();
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(find("{\"find\": \"o\"}", "hello world")).isEqualTo("hell");
    assertThat(json(strfind, conf("{\"rule\": {\"find\": \"w\", \"location\": \"after\"}}"),
        CallOptions.none().withField("title").withAssign("result"), items("[{\"title\": \"hello world\"}]")))
        .containsExactly("{\"title\":\"hello world\",\"result\":\"orld\"}");
    assertThat(find("[{\"find\": \"o\", \"location\": \"after\", \"param\": \"last\"}, {\"find\": \"l\"}]", "hello world")).isEqualTo("r");
    assertThat(find("{\"find\": \"he\", \"location\": \"at\"}", "hello world")).isEqualTo("he");
    assertThat(find("{\"find\": \"llo\", \"location\": \"at\"}", "hello world")).isEqualTo("l");
    assertThat(find("{\"find\": \"o\", \"location\": \"at\"}", "hello world")).isEqualTo("");
    assertThat(find("{\"find\": \"zz\"}", "hello")).isEqualTo("");
  }

  @Test
  void matchesTheStrfindBeforeConformanceCase() {
    assertThat(json(strfind, conf("{\"rule\": {\"find\": {\"type\": \"text\", \"value\": \" \"}}}"), Words.all())).containsExactly(
        "{\"content\":\"hello world\",\"title\":\"Greetings\",\"strfind\":\"hello\"}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"strfind\":\"The\"}",
        "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"strfind\":\"\"}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"strfind\":\"Ünïcödé\"}",
        "{\"content\":\"\",\"title\":\"empty\",\"strfind\":\"\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"strfind\":\"\"}",
        "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"strfind\":\"line\"}",
        "{\"title\":\"no content\",\"strfind\":\"\"}");
  }

  @Test
  void beforeAndAfterTheFirstOrLastOccurrence() {
    assertThat(find("{\"find\": \", \"}", "a, b, c")).isEqualTo("a");
    assertThat(find("{\"find\": \", \", \"param\": \"last\"}", "a, b, c")).isEqualTo("a, b");
    assertThat(find("{\"find\": \", \", \"location\": \"after\"}", "a, b, c")).isEqualTo("b, c");
    assertThat(find("{\"find\": \", \", \"location\": \"after\", \"param\": \"last\"}", "a, b, c")).isEqualTo("c");
  }

  @Test
  void withoutAnOccurrenceBeforeIsEmptyAndAfterIsTheWholeText() {
    assertThat(find("{\"find\": \"z\"}", " abc ")).isEqualTo("");
    assertThat(find("{\"find\": \"z\", \"location\": \"after\"}", " abc ")).as("stripped").isEqualTo("abc");
  }

  @Test
  void atIsRikosTruncatedSlice() {
    assertThat(find("{\"find\": \"ab\", \"location\": \"at\"}", "abab")).isEqualTo("ab");
    assertThat(find("{\"find\": \"ab\", \"location\": \"at\", \"param\": \"last\"}", "abab")).as("from 2 up to 2").isEqualTo("");
    assertThat(find("{\"find\": \"bcd\", \"location\": \"at\"}", "abcde")).as("from 1 up to 3").isEqualTo("bc");
    assertThat(find("{\"find\": \"z\", \"location\": \"at\"}", "abc")).isEqualTo("");
    assertThat(find("{\"find\": \"z\", \"location\": \"at\", \"default\": \" none \"}", "abc")).isEqualTo("none");
    assertThat(find("{\"find\": \"\", \"location\": \"at\"}", "abc")).as("an empty find is found at once").isEqualTo("");
  }

  @Test
  void atCountsCodePoints() {
    // "éx" is at code point 1 (UTF-16 index 2): the slice [1:2] is "é", where UTF-16 indexes would give ""
    assertThat(find("{\"find\": \"😀é\", \"location\": \"at\"}", "😀éx")).isEqualTo("😀é");
    assertThat(find("{\"find\": \"éx\", \"location\": \"at\"}", "😀éx")).isEqualTo("é");
  }

  @Test
  void unknownLocationsAndParamsFallBackToBeforeAndFirst() {
    assertThat(find("{\"find\": \"-\", \"location\": \"AFTER\", \"param\": \"LAST\"}", "a-b-c")).isEqualTo("a");
    assertThat(find("{\"find\": \"-\", \"location\": \"between\", \"param\": 2}", "a-b-c")).isEqualTo("a");
  }

  @Test
  void theResultIsStrippedOfPythonWhitespace() {
    assertThat(find("{\"find\": \"|\"}", "\u00a0 a \u2003|b")).isEqualTo("a");
  }

  @Test
  void nonTextFieldsAreReadAsTheirPythonStr() {
    assertThat(json(strfind, conf("{\"rule\": {\"find\": \".\"}}"), items("[{\"content\": 12.5}, {\"content\": null}]")))
        .containsExactly("{\"content\":12.5,\"strfind\":\"12\"}", "{\"content\":null,\"strfind\":\"\"}");
  }

  @Test
  void ruleValuesMayReferToTheItem() {
    assertThat(json(strfind, conf("{\"rule\": {\"find\": {\"subkey\": \"sep\"}, \"location\": \"after\"}}"),
        items("[{\"content\": \"a:b\", \"sep\": \":\"}, {\"content\": \"a;b\", \"sep\": \";\"}]")))
        .containsExactly("{\"content\":\"a:b\",\"sep\":\":\",\"strfind\":\"b\"}", "{\"content\":\"a;b\",\"sep\":\";\",\"strfind\":\"b\"}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(strfind, conf("{\"rule\": {\"find\": \"a\"}}"), List.of())).isEmpty();
  }

  @Test
  void javaCallersCanUseTheRecords() {
    StrFind.Conf conf = new StrFind.Conf(List.of(new Rule("o", Location.AFTER, Param.LAST, ""), new Rule("l", Location.BEFORE, Param.FIRST, "")));
    assertThat(conf.apply("hello world")).isEqualTo("r");
    assertThatThrownBy(() -> new Rule("", Location.BEFORE, Param.FIRST, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingRuleOrFindFailsAtAssembly() {
    assertThatThrownBy(() -> strfind.create(ModuleCall.of("strfind", conf("{}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'rule'");
    assertThatThrownBy(() -> strfind.create(ModuleCall.of("strfind", conf("{\"rule\": {\"location\": \"at\"}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule.find").hasMessageContaining("required");
    assertThatThrownBy(() -> strfind.create(ModuleCall.of("strfind", conf("{\"rule\": {\"find\": 1}}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("must be text");
    assertThatThrownBy(() -> strfind.create(ModuleCall.of("strfind", conf("{\"rule\": [\"o\"]}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("rule");
  }

  @Test
  void anEmptyFindBeforeOrAfterFailsAtAssembly() {
    for (String location : List.of("before", "after", "elsewhere")) {
      assertThatThrownBy(() -> strfind.create(ModuleCall.of("strfind", conf("{\"rule\": {\"find\": \"\", \"location\": \"" + location + "\"}}"))))
          .isInstanceOf(ConfException.class)
          .hasMessageContaining("strfind")
          .hasMessageContaining("rule.find")
          .hasMessageContaining("empty");
    }
  }

  @Test
  void aDynamicEmptyFindFailsWhenItsItemIsProcessed() {
    ModuleCall call = ModuleCall.of("strfind", conf("{\"rule\": {\"find\": {\"subkey\": \"sep\"}}}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"content\": \"a:b\", \"sep\": \":\"}, {\"content\": \"a:b\", \"sep\": \"\"}]"))
            .transform(strfind.create(call)))
        .expectNextMatches(item -> "a".equals(item.get("strfind")))
        .expectError(ConfException.class)
        .verify(ModuleRunner.TIMEOUT);
  }
}
