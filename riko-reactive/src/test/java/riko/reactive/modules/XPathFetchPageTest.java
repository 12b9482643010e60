package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.reactive.http.FileFetcher;
import riko.reactive.http.HttpFetcher;
import riko.reactive.http.StandardFetcher;
import riko.reactive.testing.LocalHttpServer;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.testing.SharedData;

class XPathFetchPageTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final StandardFetcher FETCHER = new StandardFetcher(http, new FileFetcher(SharedData.fixtures()));
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withTest(true).withFetcher(FETCHER);

  private final XPathFetchPage xpathfetchpage = new XPathFetchPage();

  @AfterAll
  static void close() {
    http.close();
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    ModuleCall call = ModuleCall.of("xpathfetchpage", conf).withOptions(CallOptions.none()).withContext(CONTEXT);
    return Flux.fromIterable(input).transform(xpathfetchpage.create(call));
  }

  private List<Item> list(RawConf conf) {
    return run(conf, List.of(Item.empty())).collectList().block(TIMEOUT);
  }

  private List<String> json(RawConf conf) {
    return list(conf).stream().map(ItemJson::toJson).toList();
  }

  private static String serve(String path, String contentType, byte[] body) {
    String unique = path.replace("{}", String.valueOf(System.nanoTime()));
    server.file(unique, contentType, body);
    return server.url(unique);
  }

  @Test
  void isARegisteredSourceWithRikosDefaults() {
    assertThat(xpathfetchpage.name()).isEqualTo("xpathfetchpage");
    assertThat(xpathfetchpage.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(xpathfetchpage.spec().defaults()).containsEntry("encoding", "utf-8");
    assertThat(ModuleRegistry.standard().find("xpathfetchpage")).containsInstanceOf(XPathFetchPage.class);
  }

  // ---- conformance cases and the spec's examples

  @Test
  void conformanceHtmlList() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/page2.html") + "\"},"
        + " \"xpath\": {\"type\": \"text\", \"value\": \"/html/body/ul/li\"}}");
    assertThat(list(conf)).containsExactlyElementsOf(CsvTest.expected("xpathfetchpage-html-list"));
  }

  @Test
  void conformanceXml() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/catalog.xml") + "\"},"
        + " \"xpath\": {\"type\": \"text\", \"value\": \"/catalog/book\"}}");
    assertThat(list(conf)).containsExactlyElementsOf(CsvTest.expected("xpathfetchpage-xml"));
  }

  @Test
  void specOusefulItems() {
    List<Item> items = list(RawConf.of("url", "file://riko/data/ouseful.xml", "xpath", "/rss/channel/item"));
    Item first = items.get(0);
    assertThat(first.get("title")).isEqualTo(
        "Running “Native” Data Wrangling Applications in the Browser – IPython Notebooks (and R?) in Chrome");
    assertThat(first.get("pubDate")).isEqualTo("Fri, 22 Aug 2014 09:42:21 +0000");
    assertThat(first.get("creator")).isEqualTo("Tony Hirst");
    assertThat(first.get("category")).isEqualTo(List.of("Anything you want", "Rstats"));
    assertThat(first.get("guid")).isEqualTo(item("{\"isPermaLink\": \"false\", \"content\": \"http://blog.ouseful.info/?p=12065\"}"));
    assertThat(first.get("comments")).isEqualTo(List.of(
        "http://blog.ouseful.info/2014/08/22/running-native-data-wrangling-applications-in-the-browser-ipython-notebooks-and-r-in-chrome/#comments",
        "0"));
    assertThat(first.get("content.medium")).isEqualTo("image");
    assertThat(first.get("content.title")).isEqualTo(item("{\"type\": \"html\", \"content\": \"Tony Hirst\"}"));
    assertThat(items).hasSizeGreaterThan(1);
  }

  @Test
  void specScienceDailyTitle() {
    assertThat(json(RawConf.of("url", "file://riko/data/sciencedaily.html", "xpath", "/html/head/title")))
        .containsExactly("{\"content\":\"Help Page -- ScienceDaily\"}");
  }

  @Test
  void specLinksOfAnXhtmlPage() {
    assertThat(list(RawConf.of("url", "file://riko/data/users.jyu.fi.html", "xpath", "/html/body/p/a"))).containsExactly(
        item("{\"href\": \"http://www.w3.org/\", \"img\": {\"src\": \"http://www.w3.org/Icons/w3c_home\", \"alt\": \"W3C\"}}"),
        item("{\"href\": \"http://dev.w3.org/cvsweb/2000/tidy-svc/\", \"content\": \"underlying Python script\"}"));
  }

  // ---- paths and formats

  @Test
  void dotsInTheXpathBecomeSlashesAndRelativePathsStartBelowTheRoot() {
    assertThat(json(RawConf.of("url", "file://riko/data/sciencedaily.html", "xpath", "head.title")))
        .containsExactly("{\"content\":\"Help Page -- ScienceDaily\"}");
  }

  @Test
  void withoutXpathTheWholeDocumentIsOneItem() {
    List<Item> whole = list(RawConf.of("url", server.url("/page2.html")));
    assertThat(whole).hasSize(1);
    assertThat(whole.get(0).get("head.title")).isEqualTo("Sample Page");
    assertThat(whole.get(0).get("body.ul.li")).isEqualTo(List.of("Apple", "Banana – yellow", "Cherry"));
  }

  @Test
  void httpUrlsWithoutExtensionAreHtml() {
    String url = serve("/pages/{}", "application/octet-stream",
        "<html><body><p class=\"x\">Zoë</p></body></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(json(RawConf.of("url", url, "xpath", "//p"))).containsExactly("{\"class\":\"x\",\"content\":\"Zoë\"}");
  }

  @Test
  void jsonIsReadLikeFetchdataWithTheXpathAsADottedPath() {
    String url = serve("/data-{}.json", "application/json",
        "{\"results\": {\"rows\": [{\"a\": 1}, {\"a\": 2}]}}".getBytes(StandardCharsets.UTF_8));
    assertThat(json(RawConf.of("url", url, "xpath", "results.rows"))).containsExactly("{\"a\":1}", "{\"a\":2}");
  }

  @Test
  void htmlWithoutCharsetIsLatin1AndTheEncodingConfDecodesOtherTypes() {
    byte[] utf8 = "<html><body><p>Zoë</p></body></html>".getBytes(StandardCharsets.UTF_8);
    assertThat(json(RawConf.of("url", serve("/latin-{}.html", "text/html", utf8), "xpath", "/html/body/p")))
        .containsExactly("{\"content\":\"ZoÃ«\"}");
    byte[] latin = "<r><p>Zoë</p></r>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(json(RawConf.of("url", serve("/latin-{}.xml", "application/xml", latin), "xpath", "p", "encoding", "latin-1")))
        .containsExactly("{\"content\":\"Zoë\"}");
  }

  @Test
  void eachInputItemReadsItsOwnDocument() {
    RawConf conf = conf("{\"url\": {\"subkey\": \"src\"}, \"xpath\": \"/html/head/title\"}");
    List<Item> input = items("[{\"src\": \"" + server.url("/slow/page2.html") + "\"}, {\"src\": \"file://riko/data/sciencedaily.html\"}]");
    assertThat(run(conf, input).map(ItemJson::toJson).collectList().block(TIMEOUT))
        .containsExactly("{\"content\":\"Sample Page\"}", "{\"content\":\"Help Page -- ScienceDaily\"}");
  }

  // ---- errors and the Java API

  @Test
  void badUrlsFailAtAssemblyNamingTheKey() {
    assertThatThrownBy(() -> xpathfetchpage.create(ModuleCall.of("xpathfetchpage", RawConf.of("url", "file://riko/data/lorem.txt"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'").hasMessageContaining("Invalid file type 'txt'");
    assertThatThrownBy(() -> xpathfetchpage.create(ModuleCall.of("xpathfetchpage", RawConf.of("url", "file://riko/data/page"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'").hasMessageContaining("no extension");
    assertThatThrownBy(() -> xpathfetchpage.create(ModuleCall.of("xpathfetchpage", RawConf.of("xpath", "/a"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'").hasMessageContaining("required");
    assertThatThrownBy(() -> xpathfetchpage.create(ModuleCall.of("xpathfetchpage", RawConf.of("url", "a.xml", "encoding", "x-none"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'encoding'");
  }

  @Test
  void aBadUrlFromAnItemFailsInTheStreamAfterEarlierUrls() {
    RawConf conf = conf("{\"url\": {\"subkey\": \"src\"}, \"xpath\": \"/html/head/title\"}");
    StepVerifier.create(run(conf, items("[{\"src\": [\"" + server.url("/page2.html") + "\", \"file://riko/data/x.csv\"]}]")))
        .expectNext(item("{\"content\": \"Sample Page\"}"))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("xpathfetchpage").hasMessageContaining("Invalid file type 'csv'"))
        .verify(TIMEOUT);
  }

  @Test
  void aFailedFetchOrInvalidXmlIsAnErrorNamingTheUrl() {
    String missing = server.url("/missing.xml");
    StepVerifier.create(run(RawConf.of("url", missing, "xpath", "/a"), List.of(Item.empty())))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("xpathfetchpage").hasMessageContaining(missing))
        .verify(TIMEOUT);
    String broken = serve("/broken-{}.xml", "application/xml", "<r><open></r>".getBytes(StandardCharsets.UTF_8));
    StepVerifier.create(run(RawConf.of("url", broken, "xpath", "/r"), List.of(Item.empty())))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("invalid XML").hasMessageContaining(broken))
        .verify(TIMEOUT);
  }

  @Test
  void javaCallersReadItems() {
    XPathFetchPage.Conf conf = new XPathFetchPage.Conf(List.of("sciencedaily.html"), "/html/head/title", StandardCharsets.UTF_8);
    StepVerifier.create(XPathFetchPage.read(conf, FETCHER))
        .expectNext(item("{\"content\": \"Help Page -- ScienceDaily\"}"))
        .expectComplete()
        .verify(TIMEOUT);
    assertThatThrownBy(() -> new XPathFetchPage.Conf(List.of("data.csv"), "", StandardCharsets.UTF_8))
        .isInstanceOf(ConfException.class);
  }
}
