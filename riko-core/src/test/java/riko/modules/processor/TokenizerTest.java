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
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;

class TokenizerTest {

  private final Tokenizer tokenizer = new Tokenizer();

  /** The conformance data words.json (cases tokenizer-default and tokenizer-assign). */
  private static final List<Item> WORDS = Words.all();

  @Test
  void declaresRikosDefaults() {
    assertThat(tokenizer.name()).isEqualTo("tokenizer");
    assertThat(tokenizer.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(tokenizer.metadata().loopable()).isTrue();
    assertThat(tokenizer.spec().field()).isEqualTo("content");
    assertThat(tokenizer.spec().assign()).isEqualTo("tokenizer");
    assertThat(tokenizer.spec().alwaysEmit()).isFalse();
    assertThat(tokenizer.spec().defaults())
        .containsExactly(Map.entry("delimiter", ","), Map.entry("dedupe", false), Map.entry("sort", false),
            Map.entry("token_key", "content"));
  }

  @Test
  void splitsOnCommaByDefaultAndEmitsOneItemPerToken() {
    assertThat(json(tokenizer, conf("{}"), items("[{\"content\": \"Once,twice,thrice\"}]")))
        .containsExactly("{\"content\":\"Once\"}", "{\"content\":\"twice\"}", "{\"content\":\"thrice\"}");
  }

  @Test
  void conformanceTokenizerDefault() {
    assertThat(json(tokenizer, conf("{}"), WORDS)).containsExactly(
        "{\"content\":\"hello world\"}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\"}",
        "{\"content\":\"padded text\"}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\"}",
        "{\"content\":\"a\"}",
        "{\"content\":\"b\"}",
        "{\"content\":\"c\"}",
        "{\"content\":\"b\"}",
        "{\"content\":\"line one\\nline two\"}");
  }

  @Test
  void conformanceTokenizerAssign() {
    CallOptions options = CallOptions.none().withEmit(false).withAssign("tokens");
    assertThat(json(tokenizer, conf("{\"delimiter\": {\"type\": \"text\", \"value\": \",\"},"
        + " \"token_key\": {\"type\": \"text\", \"value\": \"tok\"}}"), options, WORDS)).containsExactly(
        "{\"content\":\"hello world\",\"title\":\"Greetings\",\"tokens\":{\"tok\":\"hello world\"}}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\","
            + "\"tokens\":{\"tok\":\"The Quick Brown Fox jumps over the lazy dog\"}}",
        "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"tokens\":{\"tok\":\"padded text\"}}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"tokens\":{\"tok\":\"Ünïcödé straße ÆØÅ\"}}",
        "{\"content\":\"\",\"title\":\"empty\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"tokens\":[{\"tok\":\"a\"},{\"tok\":\"b\"},{\"tok\":\"c\"},{\"tok\":\"b\"}]}",
        "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"tokens\":{\"tok\":\"line one\\nline two\"}}",
        "{\"title\":\"no content\"}");
  }

  @Test
  void sortsCaseInsensitivelyAndAssignsAList() {
    CallOptions options = CallOptions.none().withField("description").withEmit(false).withAssign("tokens");
    assertThat(json(tokenizer, conf("{\"delimiter\": \"//\", \"sort\": true}"), options,
        items("[{\"description\": \"Once//twice//thrice//no more\"}]")))
        .containsExactly("{\"description\":\"Once//twice//thrice//no more\",\"tokens\":["
            + "{\"content\":\"no more\"},{\"content\":\"Once\"},{\"content\":\"thrice\"},{\"content\":\"twice\"}]}");
  }

  @Test
  void tokenKeyNamesEachToken() {
    CallOptions options = CallOptions.none().withField("description").withEmit(true);
    assertThat(json(tokenizer, conf("{\"delimiter\": \"//\", \"sort\": true, \"token_key\": \"token\"}"), options,
        items("[{\"description\": \"Once//twice//thrice//no more\"}]")))
        .containsExactly("{\"token\":\"no more\"}", "{\"token\":\"Once\"}", "{\"token\":\"thrice\"}", "{\"token\":\"twice\"}");
  }

  @Test
  void mapsItselfOverAStreamWithALiteralSpaceDelimiter() {
    assertThat(json(tokenizer, conf("{\"delimiter\": \" \"}"), CallOptions.none().withField("title"),
        items("[{\"title\": \"riko pt. 1\"}, {\"title\": \"two words\"}]")))
        .containsExactly("{\"content\":\"riko\"}", "{\"content\":\"pt.\"}", "{\"content\":\"1\"}",
            "{\"content\":\"two\"}", "{\"content\":\"words\"}");
  }

  @Test
  void dropsEmptyPiecesBeforeStrippingSoBlankPiecesStayAsEmptyTokens() {
    assertThat(json(tokenizer, conf("{}"), items("[{\"content\": \"a,, b , ,c\"}]")))
        .containsExactly("{\"content\":\"a\"}", "{\"content\":\"b\"}", "{\"content\":\"\"}", "{\"content\":\"c\"}");
  }

  @Test
  void stripsPythonWhitespaceIncludingNoBreakSpaces() {
    assertThat(json(tokenizer, conf("{}"), items("[{\"content\": \"\\u00a0x\\t,\\u3000y\\u2029\"}]")))
        .containsExactly("{\"content\":\"x\"}", "{\"content\":\"y\"}");
  }

  @Test
  void delimiterIsLiteralNotARegex() {
    assertThat(json(tokenizer, conf("{\"delimiter\": \".\"}"), items("[{\"content\": \"a.b|c\"}]")))
        .containsExactly("{\"content\":\"a\"}", "{\"content\":\"b|c\"}");
  }

  @Test
  void dedupeKeepsFirstOccurrencesInOrder() {
    assertThat(json(tokenizer, conf("{\"dedupe\": true}"), items("[{\"content\": \"delta,alpha,delta,bravo,alpha\"}]")))
        .containsExactly("{\"content\":\"delta\"}", "{\"content\":\"alpha\"}", "{\"content\":\"bravo\"}");
  }

  @Test
  void dedupeComparesAfterStrippingAndIsCaseSensitive() {
    assertThat(json(tokenizer, conf("{\"dedupe\": \"true\"}"), items("[{\"content\": \"a, a,A\"}]")))
        .containsExactly("{\"content\":\"a\"}", "{\"content\":\"A\"}");
  }

  @Test
  void sortIsStableForKeysEqualIgnoringCase() {
    assertThat(json(tokenizer, conf("{\"sort\": true}"), items("[{\"content\": \"b,B,a,A,b\"}]")))
        .containsExactly("{\"content\":\"a\"}", "{\"content\":\"A\"}", "{\"content\":\"b\"}", "{\"content\":\"B\"}",
            "{\"content\":\"b\"}");
  }

  @Test
  void sortOrdersByCodePointLikePython() {
    // U+FF21 (fullwidth A, lower-cased to U+FF41) sorts before U+1F600 in Python, not after as UTF-16 would put it.
    assertThat(json(tokenizer, conf("{\"sort\": true}"), items("[{\"content\": \"\\ud83d\\ude00,\\uff21,z\"}]")))
        .containsExactly("{\"content\":\"z\"}", "{\"content\":\"Ａ\"}", "{\"content\":\"\uD83D\uDE00\"}");
  }

  @Test
  void nullDelimiterSplitsOnWhitespaceRunsLikePython() {
    assertThat(json(tokenizer, conf("{\"delimiter\": null}"), items("[{\"content\": \"  one \\t two\\nthree  \"}]")))
        .containsExactly("{\"content\":\"one\"}", "{\"content\":\"two\"}", "{\"content\":\"three\"}");
  }

  @Test
  void aSingleTokenIsAssignedAsAMapAndCountAllMakesItAList() {
    assertThat(json(tokenizer, conf("{}"), CallOptions.none().withEmit(false), items("[{\"content\": \"a\"}]")))
        .containsExactly("{\"content\":\"a\",\"tokenizer\":{\"content\":\"a\"}}");
    assertThat(json(tokenizer, conf("{}"), CallOptions.none().withEmit(false).withCount(Count.ALL),
        items("[{\"content\": \"a\"}]")))
        .containsExactly("{\"content\":\"a\",\"tokenizer\":[{\"content\":\"a\"}]}");
  }

  @Test
  void emptyTextEmitsNothingOrAssignsAnEmptyListWithCountAll() {
    assertThat(json(tokenizer, conf("{}"), items("[{\"content\": \"\"}]"))).isEmpty();
    assertThat(json(tokenizer, conf("{}"), CallOptions.none().withEmit(false).withCount(Count.ALL),
        items("[{\"content\": \"\"}]")))
        .containsExactly("{\"content\":\"\",\"tokenizer\":[]}");
  }

  @Test
  void countFirstKeepsTheFirstToken() {
    assertThat(json(tokenizer, conf("{}"), CallOptions.none().withCount(Count.FIRST), items("[{\"content\": \"x,y,z\"}]")))
        .containsExactly("{\"content\":\"x\"}");
  }

  @Test
  void nonTextFieldValuesAreStringified() {
    assertThat(json(tokenizer, conf("{\"delimiter\": \".\"}"), items("[{\"content\": 12.5}, {\"content\": true}]")))
        .containsExactly("{\"content\":\"12\"}", "{\"content\":\"5\"}", "{\"content\":\"True\"}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(tokenizer, conf("{}"), List.of())).isEmpty();
  }

  @Test
  void delimiterMayComeFromTheItem() {
    assertThat(json(tokenizer, conf("{\"delimiter\": {\"subkey\": \"sep\"}}"),
        items("[{\"content\": \"a;b\", \"sep\": \";\"}, {\"content\": \"c|d\", \"sep\": \"|\"}]")))
        .containsExactly("{\"content\":\"a\"}", "{\"content\":\"b\"}", "{\"content\":\"c\"}", "{\"content\":\"d\"}");
  }

  @Test
  void emptyDelimiterFailsAtAssemblyNamingTheKey() {
    assertThatThrownBy(() -> tokenizer.create(ModuleCall.of("tokenizer", conf("{\"delimiter\": \"\"}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("delimiter")
        .hasMessageContaining("empty");
  }

  @Test
  void nonTextDelimiterFailsAtAssembly() {
    assertThatThrownBy(() -> tokenizer.create(ModuleCall.of("tokenizer", conf("{\"delimiter\": 5}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("delimiter");
  }

  @Test
  void emptyDynamicDelimiterFailsTheStreamAfterEarlierTokens() {
    ModuleCall call = ModuleCall.of("tokenizer", conf("{\"delimiter\": {\"subkey\": \"sep\"}}"));
    Flux<Item> input = Flux.fromIterable(items("[{\"content\": \"a;b\", \"sep\": \";\"}, {\"content\": \"c\", \"sep\": \"\"}]"));
    StepVerifier.create(input.transform(tokenizer.create(call)))
        .expectNext(Item.of("content", "a"), Item.of("content", "b"))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("delimiter"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void upstreamErrorsPassThroughAfterEmittedTokens() {
    Flux<Item> failing = Flux.concat(Flux.just(Item.of("content", "x,y")), Flux.error(new IllegalStateException("boom")));
    StepVerifier.create(failing.transform(tokenizer.create(ModuleCall.of("tokenizer", conf("{}")))))
        .expectNext(Item.of("content", "x"), Item.of("content", "y"))
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("boom"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void tokensAreProducedOnDemand() {
    StepVerifier.create(Flux.just(Item.of("content", "a,b,c")).transform(tokenizer.create(ModuleCall.of("tokenizer", conf("{}")))), 1)
        .expectNext(Item.of("content", "a"))
        .thenRequest(1)
        .expectNext(Item.of("content", "b"))
        .thenCancel()
        .verify(ModuleRunner.TIMEOUT);
  }
}
