package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.testing.ModuleRunner;

class UrlParseTest {

  private final UrlParse urlparse = new UrlParse();

  private static List<String> components(String scheme, String netloc, String path, String params, String query,
      String fragment) {
    return List.of(
        "{\"component\":\"scheme\",\"content\":\"" + scheme + "\"}",
        "{\"component\":\"netloc\",\"content\":\"" + netloc + "\"}",
        "{\"component\":\"path\",\"content\":\"" + path + "\"}",
        "{\"component\":\"params\",\"content\":\"" + params + "\"}",
        "{\"component\":\"query\",\"content\":\"" + query + "\"}",
        "{\"component\":\"fragment\",\"content\":\"" + fragment + "\"}");
  }

  private List<String> parse(String url) {
    return json(urlparse, RawConf.empty(), List.of(Item.of("content", url)));
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(parse("http://yahoo.com")).containsExactlyElementsOf(components("http", "yahoo.com", "", "", "", ""));
    assertThat(parse("http://u:p@x.com:80/a/b;p?q=1#f"))
        .containsExactlyElementsOf(components("http", "u:p@x.com:80", "/a/b", "p", "q=1", "f"));
    assertThat(json(urlparse, conf("{\"parse_key\": \"value\"}"), CallOptions.none().withEmit(true),
        List.of(Item.of("content", "http://yahoo.com"))))
        .hasSize(6).first().isEqualTo("{\"component\":\"scheme\",\"value\":\"http\"}");
  }

  @Test
  void matchesTheUrlparseDefaultConformanceCase() {
    List<Item> urls = items("""
        [{"content": "http://www.example.com:8080/path/to/page.html?q=riko&lang=en#top", "name": "full"},
         {"content": "https://example.org", "name": "bare"},
         {"content": "ftp://user:pw@files.example.net/pub/file.txt", "name": "ftp"},
         {"content": "example.com/no/scheme", "name": "noscheme"}]""");
    List<String> expected = new java.util.ArrayList<>();
    expected.addAll(components("http", "www.example.com:8080", "/path/to/page.html", "", "q=riko&lang=en", "top"));
    expected.addAll(components("https", "example.org", "", "", "", ""));
    expected.addAll(components("ftp", "user:pw@files.example.net", "/pub/file.txt", "", "", ""));
    expected.addAll(components("", "", "example.com/no/scheme", "", "", ""));
    assertThat(json(urlparse, RawConf.empty(), urls)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      localhost:80             | localhost |                | 80              |        |     |
      HTTP://X.com/A           | http      | X.com          | /A              |        |     |
      mailto:me@x.com          | mailto    |                | me@x.com        |        |     |
      http://x/a;b/c;d         | http      | x              | /a;b/c          | d      |     |
      //x/y?z                  |           | x              | /y              |        | z   |
      '  http://x'             | http      | x              |                 |        |     |
      'ht\ttp://x'             | http      | x              |                 |        |     |
      http://[::1]:8080/a      | http      | [::1]:8080     | /a              |        |     |
      http://x/p;a;b?q?r#f#g   | http      | x              | /p              | a;b    | q?r | f#g
      tel:+1;ext=2             | tel       |                | +1              | ext=2  |     |
      file:///a;b              | file      |                | /a;b            |        |     |
      a;b                      |           |                | a               | b      |     |
      1http://x                |           |                | 1http://x       |        |     |
      http://x#f?q             | http      | x              |                 |        |     | f?q
      ftp://u@h/a;type=a       | ftp       | u@h            | /a              | type=a |     |
      http://[v1.fe]/          | http      | [v1.fe]        | /               |        |     |
      http://[fe80::1%eth0]/   | http      | [fe80::1%eth0] | /               |        |     |
      http://[::ffff:1.2.3.4]/ | http      | [::ffff:1.2.3.4] | /             |        |     |
      """)
  void followsPythonsUrlparse(String url, String scheme, String netloc, String path, String params, String query,
      String fragment) {
    String text = url.replace("\\t", "\t");
    assertThat(new UrlParse.Conf("c").apply(text)).extracting(i -> i.get("c"))
        .containsExactly(blank(scheme), blank(netloc), blank(path), blank(params), blank(query), blank(fragment));
  }

  private static String blank(String value) {
    return value == null ? "" : value;
  }

  @Test
  void rejectsWhatPythonRejectsAfterEarlierItems() {
    for (String bad : List.of("http://[::1/a", "http://x]/", "http://[1.2.3.4]/", "http://[zz]/", "http://[::1]x/",
        "http://a[::1]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[1::2::3]/", "http://\u2100/")) {
      StepVerifier.create(ModuleRunner.run(urlparse, RawConf.empty(), List.of(Item.of("content", "http://ok"), Item.of("content", bad))))
          .expectNextCount(6)
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining("urlparse")
              .hasMessageContaining("cannot parse"))
          .verify(ModuleRunner.TIMEOUT);
    }
  }

  @Test
  void readsTheIpv6SyntaxOfPythonsIpaddress() {
    for (String ok : List.of("::", "::1", "1::", "1:2:3:4:5:6:7:8", "1::8", "::ffff:1.2.3.4", "fe80::1%eth0", "ABCD::ef")) {
      assertThat(PythonUrlParse.isIpv6(ok)).as(ok).isTrue();
    }
    for (String bad : List.of("", "1", "1:2", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "1:2:3:4:5:6:7:8:9", "1::2::3",
        "12345::", "g::", "::1.2.3.04", "::1.2.3", "fe80::1%", "\uFF11::")) {
      assertThat(PythonUrlParse.isIpv6(bad)).as(bad).isFalse();
    }
  }

  @Test
  void theFieldIsReadAsText() {
    assertThat(json(urlparse, RawConf.empty(), CallOptions.none().withField("link"), items("[{\"link\": \"http://a/b\"}]")))
        .containsExactlyElementsOf(components("http", "a", "/b", "", "", ""));
    assertThat(json(urlparse, RawConf.empty(), items("[{\"content\": 12}]")))
        .as("a number reads as its str()").containsExactlyElementsOf(components("", "", "12", "", "", ""));
    assertThat(json(urlparse, RawConf.empty(), items("[\"http://raw\"]")))
        .as("a raw value is the content").containsExactlyElementsOf(components("http", "raw", "", "", "", ""));
  }

  @Test
  void aMissingFieldIsTheEmptyUrl() {
    assertThat(json(urlparse, RawConf.empty(), items("[{\"title\": \"x\"}]")))
        .containsExactlyElementsOf(components("", "", "", "", "", ""));
  }

  @Test
  void withEmitOffTheComponentsAreAssignedAsAList() {
    assertThat(json(urlparse, RawConf.empty(), CallOptions.none().withEmit(false), items("[{\"content\": \"http://a\"}]")))
        .containsExactly("{\"content\":\"http://a\",\"urlparse\":[{\"component\":\"scheme\",\"content\":\"http\"},"
            + "{\"component\":\"netloc\",\"content\":\"a\"},{\"component\":\"path\",\"content\":\"\"},"
            + "{\"component\":\"params\",\"content\":\"\"},{\"component\":\"query\",\"content\":\"\"},"
            + "{\"component\":\"fragment\",\"content\":\"\"}]}");
    assertThat(json(urlparse, RawConf.empty(), CallOptions.none().withCount(riko.conf.Count.FIRST),
        items("[{\"content\": \"http://a\"}]"))).containsExactly("{\"component\":\"scheme\",\"content\":\"http\"}");
  }

  @Test
  void parseKeyMayReadTheItem() {
    assertThat(json(urlparse, conf("{\"parse_key\": {\"subkey\": \"k\"}}"), items("[{\"content\": \"http://a\", \"k\": \"v\"}]")))
        .first().isEqualTo("{\"component\":\"scheme\",\"v\":\"http\"}");
  }

  @Test
  void aParseKeyThatIsNotTextFailsAtAssembly() {
    assertThatThrownBy(() -> urlparse.create(ModuleCall.of("urlparse", conf("{\"parse_key\": null}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'parse_key'");
    assertThatThrownBy(() -> urlparse.create(ModuleCall.of("urlparse", conf("{\"parse_key\": [\"a\"]}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'parse_key'");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(urlparse, RawConf.empty(), List.of())).isEmpty();
  }

  @Test
  void isRegistered() {
    assertThat(ModuleRegistry.standard().find("urlparse")).get().isInstanceOf(UrlParse.class);
    assertThat(urlparse.spec().field()).isEqualTo("content");
    assertThat(urlparse.spec().assign()).isEqualTo("urlparse");
    assertThat(urlparse.spec().alwaysEmit()).as("emitted because the result is a stream").isFalse();
  }
}
