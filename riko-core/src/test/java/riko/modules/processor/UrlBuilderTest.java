package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.modules.processor.UrlBuilder.Param;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.testing.ModuleRunner;

class UrlBuilderTest {

  private final UrlBuilder urlbuilder = new UrlBuilder();

  /** The URL built for {@code conf} from the empty item (a module without input), as JSON. */
  private List<String> build(String conf) {
    return json(urlbuilder, conf(conf), List.of(Item.empty()));
  }

  private String join(String base, String path) {
    return new UrlBuilder.Conf(base, List.of(path), List.of(), null).url();
  }

  @Test
  void runsTheSpecExamples() {
    assertThat(build("{\"base\": \"http://finance.yahoo.com\", \"path\": [\"rss\", \"headline\"], \"param\": {\"key\": \"s\", \"value\": \"gm\"}}"))
        .containsExactly("\"http://finance.yahoo.com/rss/headline?s=gm\"");
    assertThat(build("{\"base\": \"http://x.com/api\", \"path\": \"v1\", \"param\": [{\"key\": \"q\", \"value\": \"a b\"}, {\"key\": \"\", \"value\": \"z\"}]}"))
        .containsExactly("\"http://x.com/v1?q=a+b\"");
    assertThat(build("{\"base\": \"api.github.com_search_users\", \"param\": [{\"key\": \"q\", \"value\": \"defunkt\"}], \"ext\": \"json\"}"))
        .containsExactly("\"api.github.com_search_users_q=defunkt.json\"");
  }

  @Test
  void runsRikosDocExamples() {
    String base = "\"base\": \"http://finance.yahoo.com\", \"path\": [\"rss\", \"headline\"]";
    assertThat(build("{" + base + ", \"param\": {\"key\": \"s\"}}"))
        .as("QUIRK: a missing value is written as None").containsExactly("\"http://finance.yahoo.com/rss/headline?s=None\"");
    assertThat(build("{" + base + ", \"param\": {\"value\": \"gm\"}}"))
        .as("{value: gm} is a typed value, so the parameter is the text gm, which has no key and is skipped")
        .containsExactly("\"http://finance.yahoo.com/rss/headline\"");
    assertThat(build("{\"base\": \"http://finance.yahoo.com\", \"path\": \"rss/headline\", \"param\": []}"))
        .containsExactly("\"http://finance.yahoo.com/rss/headline\"");
    assertThat(build("{\"base\": \"http://finance.yahoo.com\", \"path\": \"rss\", \"ext\": \"xml\", \"param\": []}"))
        .containsExactly("\"http___finance.yahoo.com_rss.xml\"");
  }

  @Test
  void matchesTheUrlbuilderStaticConformanceCase() {
    RawConf conf = conf("""
        {"base": {"type": "text", "value": "http://example.com"},
         "path": [{"type": "text", "value": "a b"}, {"type": "text", "value": "c"}],
         "param": [{"key": {"type": "text", "value": "q"}, "value": {"type": "text", "value": "x y&z"}},
                   {"key": {"type": "text", "value": "n"}, "value": {"type": "text", "value": "1"}}]}""");
    assertThat(json(urlbuilder, conf, List.of(Item.empty())))
        .as("the path is not encoded; the query is form-encoded")
        .containsExactly("\"http://example.com/a b/c?q=x+y%26z&n=1\"");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      g:h           | g:h
      g             | http://a/b/c/g
      ./g           | http://a/b/c/g
      g/            | http://a/b/c/g/
      /g            | http://a/g
      //g           | http://g
      ?y            | http://a/b/c/d;p?y
      g?y           | http://a/b/c/g?y
      #s            | http://a/b/c/d;p?q#s
      g#s           | http://a/b/c/g#s
      g?y#s         | http://a/b/c/g?y#s
      ;x            | http://a/b/c/;x
      g;x           | http://a/b/c/g;x
      g;x?y#s       | http://a/b/c/g;x?y#s
      .             | http://a/b/c/
      ./            | http://a/b/c/
      ..            | http://a/b/
      ../           | http://a/b/
      ../g          | http://a/b/g
      ../..         | http://a/
      ../../        | http://a/
      ../../g       | http://a/g
      ../../../g    | http://a/g
      ../../../../g | http://a/g
      /./g          | http://a/g
      /../g         | http://a/g
      g.            | http://a/b/c/g.
      .g            | http://a/b/c/.g
      g..           | http://a/b/c/g..
      ..g           | http://a/b/c/..g
      ./../g        | http://a/b/g
      ./g/.         | http://a/b/c/g/
      g/./h         | http://a/b/c/g/h
      g/../h        | http://a/b/c/h
      g;x=1/./y     | http://a/b/c/g;x=1/y
      g;x=1/../y    | http://a/b/c/y
      g?y/./x       | http://a/b/c/g?y/./x
      g#s/../x      | http://a/b/c/g#s/../x
      http:g        | http://a/b/c/g
      """)
  void resolvesTheRfc3986ExamplesAsPythonsUrljoinDoes(String reference, String expected) {
    assertThat(join("http://a/b/c/d;p?q", reference)).isEqualTo(expected);
  }

  @Test
  void resolvesWherePythonDivergesFromJavaNetUri() {
    assertThat(join("http://a", "g")).as("an empty base path resolves as /").isEqualTo("http://a/g");
    assertThat(join("http://example.com", "a b/c")).isEqualTo("http://example.com/a b/c");
    assertThat(join("http://x/", "a//b")).as("empty segments are dropped").isEqualTo("http://x/a/b");
    assertThat(join("http://x/a/b", "c//d//")).isEqualTo("http://x/a/c/d/");
    assertThat(join("http://x/a/b", "../../../z")).as(".. stops at the root").isEqualTo("http://x/z");
    assertThat(join("http://x/a?b#c", "#d")).isEqualTo("http://x/a?b#d");
    assertThat(join("http://x", "?q=1")).isEqualTo("http://x?q=1");
    assertThat(join("http://x/a", "//y/z")).isEqualTo("http://y/z");
    assertThat(join("//x/a", "b")).isEqualTo("//x/b");
    assertThat(join("file:///tmp/a", "b")).isEqualTo("file:///tmp/b");
    assertThat(join("ftp://h/a/b", "c")).isEqualTo("ftp://h/a/c");
    assertThat(join("mailto:me@x", "y")).as("a scheme that is not relative: the reference alone").isEqualTo("y");
    assertThat(join("http://x/a", "https:b")).as("another scheme: the reference alone").isEqualTo("https:b");
  }

  @Test
  void aBaseWithoutTrailingSlashLosesItsLastSegment() {
    assertThat(join("http://x.com/api", "v1")).isEqualTo("http://x.com/v1");
    assertThat(join("http://x.com/api/", "v1")).isEqualTo("http://x.com/api/v1");
    assertThat(join("quote", "x")).as("a base without a scheme is resolved the same way").isEqualTo("x");
    assertThat(join("quote/", "x")).isEqualTo("quote/x");
  }

  @Test
  void withoutBaseTheResultIsThePath() {
    assertThat(build("{\"path\": [\"x\", \"y\"], \"param\": {\"key\": \"a\", \"value\": 1}}")).containsExactly("\"x/y?a=1\"");
    assertThat(build("{\"base\": \"\", \"param\": []}")).containsExactly("\"\"");
  }

  @Test
  void withoutPathTheResultIsTheBase() {
    assertThat(build("{\"base\": \"http://x/a;p?q#f\", \"param\": []}")).containsExactly("\"http://x/a;p?q#f\"");
    assertThat(build("{\"base\": \"http://x/a\", \"path\": [], \"param\": []}")).containsExactly("\"http://x/a\"");
    assertThat(build("{\"base\": \"http://x/a\", \"path\": \"\", \"param\": []}")).containsExactly("\"http://x/a\"");
  }

  @Test
  void aPathMapIsIgnored() {
    assertThat(build("{\"base\": \"http://x/\", \"path\": {\"a\": \"b\"}, \"param\": []}")).containsExactly("\"http://x/\"");
  }

  @Test
  void paramsAreFormEncodedLikePythonsUrlencode() {
    assertThat(build("""
        {"base": "http://x/", "param": [{"key": "é", "value": "ü/+~_.-*"}, {"key": "k", "value": null},
          {"key": "t", "value": true}, {"key": "f", "value": 1.5}, {"key": 7, "value": [1, "a"]}, {"key": 0, "value": "zero"}]}"""))
        .containsExactly("\"http://x/?%C3%A9=%C3%BC%2F%2B~_.-%2A&k=None&t=True&f=1.5&7=%5B1%2C+%27a%27%5D\"");
  }

  @Test
  void aSingleParamMapIsAListOfOne() {
    assertThat(build("{\"base\": \"http://x/\", \"param\": {\"key\": \"a\", \"value\": \"b\"}}")).containsExactly("\"http://x/?a=b\"");
    assertThat(build("{\"base\": \"http://x/\", \"param\": {}}")).as("a map without key adds nothing").containsExactly("\"http://x/\"");
    assertThat(build("{\"base\": \"http://x/\", \"param\": [\"q=1\", {\"key\": \"a\", \"value\": \"b\"}, 5]}"))
        .as("parameters that are not maps are skipped").containsExactly("\"http://x/?a=b\"");
  }

  @Test
  void extTurnsTheUrlIntoAFileName() {
    assertThat(build("{\"base\": \"http://x.com/a\", \"path\": \"b\", \"param\": {\"key\": \"q\", \"value\": \"<|>\\\"*%\\\\\"}, \"ext\": \"html\"}"))
        .as("< > : \" / \\ | * ? % become _, also inside the encoded query")
        .containsExactly("\"http___x.com_b_q=_3C_7C_3E_22_2A_25_5C.html\"");
    assertThat(build("{\"base\": \"http://x/\", \"param\": [], \"ext\": \"\"}")).as("an empty ext is off").containsExactly("\"http://x/\"");
    assertThat(build("{\"base\": \"q\", \"param\": [], \"ext\": 1}")).containsExactly("\"q.1\"");
  }

  @Test
  void confMayReadTheItem() {
    RawConf conf = conf("{\"base\": \"http://x/\", \"path\": {\"subkey\": \"dir\"}, \"param\": {\"key\": \"id\", \"value\": {\"subkey\": \"id\"}}}");
    assertThat(json(urlbuilder, conf, items("[{\"dir\": \"a\", \"id\": 1}, {\"dir\": [\"b\", \"c\"], \"id\": \"x y\"}]")))
        .containsExactly("\"http://x/a?id=1\"", "\"http://x/b/c?id=x+y\"");
  }

  @Test
  void emitsOneUrlPerItemAndAssignsWhenEmitIsOff() {
    RawConf conf = conf("{\"base\": \"http://x/\", \"path\": {\"subkey\": \"content\"}, \"param\": []}");
    assertThat(json(urlbuilder, conf, CallOptions.none().withEmit(false), items("[{\"content\": \"a\"}, \"b\"]")))
        .containsExactly("{\"content\":\"a\",\"urlbuilder\":\"http://x/a\"}", "{\"content\":\"b\",\"urlbuilder\":\"http://x/b\"}");
    assertThat(json(urlbuilder, conf, CallOptions.none().withEmit(false).withAssign("link"), items("[{\"content\": \"a\"}]")))
        .containsExactly("{\"content\":\"a\",\"link\":\"http://x/a\"}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(urlbuilder, conf("{\"base\": \"http://x/\", \"param\": []}"), List.of())).isEmpty();
  }

  @Test
  void paramIsRequiredAtAssembly() {
    assertThatThrownBy(() -> urlbuilder.create(ModuleCall.of("urlbuilder (sw_1)", conf("{\"base\": \"http://x/\"}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("urlbuilder (sw_1)").hasMessageContaining("'param'").hasMessageContaining("required");
    assertThatThrownBy(() -> urlbuilder.create(ModuleCall.of("urlbuilder", conf("{\"param\": null}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'param'");
  }

  @Test
  void badShapesFailAtAssemblyNamingTheKey() {
    assertThatThrownBy(() -> urlbuilder.create(ModuleCall.of("urlbuilder", conf("{\"base\": 5, \"param\": []}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'base'").hasMessageContaining("text");
    assertThatThrownBy(() -> urlbuilder.create(ModuleCall.of("urlbuilder", conf("{\"path\": [\"a\", 2], \"param\": []}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'path'").hasMessageContaining("segment 2 was 2");
    assertThatThrownBy(() -> urlbuilder.create(ModuleCall.of("urlbuilder", conf("{\"path\": 5, \"param\": []}"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'path'");
  }

  @Test
  void aDynamicParamResolvingToNullFailsAtRunTimeAfterEarlierItems() {
    RawConf conf = conf("{\"base\": \"http://x/\", \"param\": {\"subkey\": \"p\"}}");
    StepVerifier.create(ModuleRunner.run(urlbuilder, conf, items("[{\"p\": {\"key\": \"a\", \"value\": 1}}, {\"q\": 1}]")))
        .expectNextMatches(i -> "http://x/?a=1".equals(i.rawValue()))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("'param'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void theConfRecordServesJavaCallers() {
    UrlBuilder.Conf conf = new UrlBuilder.Conf("http://finance.yahoo.com", List.of("rss", "headline"),
        List.of(new Param("s", "gm"), new Param("n", null)), null);
    assertThat(conf.url()).isEqualTo("http://finance.yahoo.com/rss/headline?s=gm&n=None");
    assertThat(new UrlBuilder.Conf("http://x/a", List.of(), List.of(), "json").url()).isEqualTo("http___x_a.json");
  }

  @Test
  void isRegisteredAsAnEmittingTransformer() {
    assertThat(ModuleRegistry.standard().find("urlbuilder")).get().isInstanceOf(UrlBuilder.class);
    assertThat(urlbuilder.metadata().loopable()).isTrue();
    assertThat(urlbuilder.spec().alwaysEmit()).isTrue();
    assertThat(urlbuilder.spec().assign()).isEqualTo("urlbuilder");
    assertThat(ItemJson.toJson(Flux.just(Item.empty()).transform(urlbuilder.create(
        ModuleCall.of("urlbuilder", RawConf.of(Map.of("param", List.of()))))).blockFirst(ModuleRunner.TIMEOUT)))
        .isEqualTo("\"\"");
  }
}
