package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;

class SubStrTest {

  private final SubStr substr = new SubStr();

  private Object cut(String conf, String text) {
    List<Item> out = ModuleRunner.list(substr, conf(conf), CallOptions.none(), List.of(Item.of("content", text)));
    return out.get(0).get("substr");
  }

  @Test
  void declaresRikosMetadataAndDefaults() {
    assertThat(substr.name()).isEqualTo("substr");
    assertThat(substr.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(substr.metadata().loopable()).isTrue();
    assertThat(substr.spec().field()).isEqualTo("content");
    assertThat(substr.spec().assign()).isEqualTo("substr");
    assertThat(substr.spec().defaults()).isEqualTo(Map.of("start", 0L, "length", 0L));
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(cut("{\"start\": \"3\", \"length\": \"4\"}", "hello world")).isEqualTo("lo w");
    assertThat(json(substr, conf("{\"start\": \"3\"}"), CallOptions.none().withField("title").withAssign("result"),
        items("[{\"title\": \"Greetings\"}]")))
        .containsExactly("{\"title\":\"Greetings\",\"result\":\"etings\"}");
    assertThat(cut("{\"start\": -3}", "hello world")).isEqualTo("rld");
    assertThat(cut("{\"start\": -3, \"length\": 2}", "hello world")).isEqualTo("rl");
    assertThat(cut("{\"length\": 100}", "hello world")).isEqualTo("hello world");
  }

  @Test
  void matchesTheSubstrBasicConformanceCase() {
    assertThat(json(substr, conf("{\"start\": {\"type\": \"int\", \"value\": \"2\"}, \"length\": {\"type\": \"int\", \"value\": \"4\"}}"), Words.all()))
        .containsExactly(
            "{\"content\":\"hello world\",\"title\":\"Greetings\",\"substr\":\"llo \"}",
            "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"substr\":\"e Qu\"}",
            "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"substr\":\"padd\"}",
            "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"substr\":\"ïcöd\"}",
            "{\"content\":\"\",\"title\":\"empty\",\"substr\":\"\"}",
            "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"substr\":\"b,,c\"}",
            "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"substr\":\"ne o\"}",
            "{\"title\":\"no content\",\"substr\":\"\"}");
  }

  /** Python's {@code "hello world"[start:start + length or None]}, computed by CPython. */
  @ParameterizedTest(name = "start {0}, length {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0   | 0   | hello world
      0   | -2  | hello wor
      3   | -1  | ''
      -3  | 5   | ''
      -3  | 3   | ''
      -20 | 3   | ''
      20  | 0   | ''
      -20 | 0   | hello world
      5   | 1   | ' '
      -1  | 1   | ''
      -2  | 1   | l
      """)
  void slicesAsPythonDoes(long start, long length, String expected) {
    assertThat(new SubStr.Conf(start, length).apply("hello world")).isEqualTo(expected);
  }

  @Test
  void confValuesAreReadWithTheIntCast() {
    assertThat(cut("{\"start\": \"2.9\", \"length\": 2.5}", "abcdef")).isEqualTo("cd");
    assertThat(cut("{\"start\": \"x\", \"length\": \"1e0\"}", "abcdef")).as("unreadable is 0").isEqualTo("a");
    assertThat(cut("{\"start\": null, \"length\": true}", "abcdef")).isEqualTo("a");
  }

  @Test
  void confValuesMayReferToTheItem() {
    assertThat(json(substr, conf("{\"start\": {\"subkey\": \"from\"}, \"length\": 1}"),
        items("[{\"content\": \"abc\", \"from\": 1}, {\"content\": \"abc\", \"from\": \"2\"}]")))
        .containsExactly("{\"content\":\"abc\",\"from\":1,\"substr\":\"b\"}", "{\"content\":\"abc\",\"from\":\"2\",\"substr\":\"c\"}");
  }

  @Test
  void positionsCountCodePoints() {
    assertThat(cut("{\"start\": 1, \"length\": 1}", "😀é😀")).isEqualTo("é");
    assertThat(cut("{\"start\": -1}", "😀é😀")).isEqualTo("😀");
  }

  @Test
  void nonTextFieldsAreReadAsTheirPythonStr() {
    assertThat(json(substr, conf("{\"length\": 3}"), items("[{\"content\": 3.14159}, {\"content\": true}]")))
        .containsExactly("{\"content\":3.14159,\"substr\":\"3.1\"}", "{\"content\":true,\"substr\":\"Tru\"}");
  }

  @Test
  void anInfiniteStartFailsTheItem() {
    ModuleCall call = ModuleCall.of("substr", conf("{\"start\": {\"subkey\": \"s\"}}"));
    StepVerifier.create(Flux.fromIterable(items("[{\"content\": \"abc\", \"s\": 1}, {\"content\": \"abc\", \"s\": \"inf\"}]"))
            .transform(substr.create(call)))
        .expectNextMatches(item -> "bc".equals(item.get("substr")))
        .expectError(ModuleException.class)
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(substr, conf("{}"), List.of())).isEmpty();
  }
}
