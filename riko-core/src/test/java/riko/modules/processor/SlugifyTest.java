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
import riko.conf.CallOptions;
import riko.item.Item;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;

class SlugifyTest {

  private final Slugify slugify = new Slugify();

  private Object slug(String conf, String text) {
    List<Item> out = ModuleRunner.list(slugify, conf(conf), CallOptions.none(), List.of(Item.of("content", text)));
    return out.get(0).get("slugify");
  }

  @Test
  void declaresRikosMetadataAndDefaults() {
    assertThat(slugify.name()).isEqualTo("slugify");
    assertThat(slugify.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(slugify.metadata().loopable()).isTrue();
    assertThat(slugify.spec().field()).isEqualTo("content");
    assertThat(slugify.spec().assign()).isEqualTo("slugify");
    assertThat(slugify.spec().defaults()).isEqualTo(Map.of("separator", "-"));
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(slug("{}", "hello world")).isEqualTo("hello-world");
    assertThat(json(slugify, conf("{\"separator\": \"_\"}"), CallOptions.none().withField("title").withAssign("result"),
        items("[{\"title\": \"hello world\"}]")))
        .containsExactly("{\"title\":\"hello world\",\"result\":\"hello_world\"}");
    assertThat(slug("{}", "it's Héllo  Wörld!")).isEqualTo("it-s-hello-world");
    assertThat(slug("{}", " A&B ")).isEqualTo("a-b");
  }

  @Test
  void matchesTheSlugifyDefaultConformanceCase() {
    assertThat(json(slugify, conf("{}"), Words.all())).containsExactly(
        "{\"content\":\"hello world\",\"title\":\"Greetings\",\"slugify\":\"hello-world\"}",
        "{\"content\":\"The Quick Brown Fox jumps over the lazy dog\",\"title\":\"pangram\",\"slugify\":\"the-quick-brown-fox-jumps-over-the-lazy-dog\"}",
        "{\"content\":\"  padded text  \",\"title\":\"Padded\",\"slugify\":\"padded-text\"}",
        "{\"content\":\"Ünïcödé straße ÆØÅ\",\"title\":\"unicode\",\"slugify\":\"unicode-strasse-aeoa\"}",
        "{\"content\":\"\",\"title\":\"empty\",\"slugify\":\"\"}",
        "{\"content\":\"a,b,,c,b\",\"title\":\"csv-ish\",\"slugify\":\"a-b-c-b\"}",
        "{\"content\":\"line one\\nline two\",\"title\":\"multi line\",\"slugify\":\"line-one-line-two\"}",
        "{\"title\":\"no content\",\"slugify\":\"\"}");
  }

  /** python-slugify's output for each text (CPython, text-unidecode). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      Crème Brûlée & Co.                 | creme-brulee-co
      北京 Москва                         | bei-jing-moskva
      Ελληνικά                           | ellenika
      日本語テキスト                       | ri-ben-yu-tekisuto
      Tiếng Việt                         | tieng-viet
      ĳsselmeer                          | ijsselmeer
      ﬁne ﬂow                            | fine-flow
      ™ ©                                | tm-c
      &sup2; ½ ①                         | 2-1-2-1
      𝐀𝐁𝐂                                | abc
      😀 smile                           | smile
      don’t stop                         | dont-stop
      'quoted'                           | quoted
      caf&eacute; &amp; 1,000 &#233;     | cafe-1000-e
      &lt;tag&gt; &nbsp;x&nbsp; &bogus;  | tag-x-bogus
      x &#99999999; &#65;                | x-99999999-65
      &#x41;&#X42;                       | a-x42
      a&amp;#66;b                        | abb
      1,000,000 and 1, 2                 | 1000000-and-1-2
      `  --hello--  `                    | hello
      ümlaut_under_score                 | umlaut-under-score
      C++ & C#                           | c-c
      """)
  void slugsAsPythonSlugifyDoes(String text, String expected) {
    assertThat(new Slugify.Conf("-").apply(text)).isEqualTo(expected);
  }

  @Test
  void theSeparatorReplacesEveryDash() {
    assertThat(slug("{\"separator\": \"_\"}", "a-b c")).isEqualTo("a_b_c");
    assertThat(slug("{\"separator\": \"\"}", "a b c")).isEqualTo("abc");
    assertThat(slug("{\"separator\": \"--\"}", "a b")).isEqualTo("a--b");
    assertThat(slug("{\"separator\": null}", "a b")).as("None means the default").isEqualTo("a-b");
    assertThat(slug("{\"separator\": 0}", "a b")).isEqualTo("a0b");
  }

  @Test
  void theSeparatorMayReferToTheItem() {
    assertThat(json(slugify, conf("{\"separator\": {\"subkey\": \"sep\"}}"),
        items("[{\"content\": \"a b\", \"sep\": \"+\"}, {\"content\": \"a b\", \"sep\": \".\"}]")))
        .containsExactly("{\"content\":\"a b\",\"sep\":\"+\",\"slugify\":\"a+b\"}", "{\"content\":\"a b\",\"sep\":\".\",\"slugify\":\"a.b\"}");
  }

  @Test
  void nonTextFieldsAreReadAsTheirPythonStr() {
    assertThat(json(slugify, conf("{}"), items("[{\"content\": 1.5}, {\"content\": null}, {\"content\": [\"A\", 1]}]")))
        .containsExactly("{\"content\":1.5,\"slugify\":\"1-5\"}", "{\"content\":null,\"slugify\":\"\"}",
            "{\"content\":[\"A\",1],\"slugify\":\"a-1\"}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(slugify, conf("{}"), List.of())).isEmpty();
  }
}
