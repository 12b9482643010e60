package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

class FetchPageTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final StandardFetcher FETCHER = new StandardFetcher(http, new FileFetcher(SharedData.fixtures()));
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withTest(true).withFetcher(FETCHER);

  private final FetchPage fetchpage = new FetchPage();

  @AfterAll
  static void close() {
    http.close();
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    ModuleCall call = ModuleCall.of("fetchpage", conf).withOptions(CallOptions.none()).withContext(CONTEXT);
    return Flux.fromIterable(input).transform(fetchpage.create(call));
  }

  private List<Object> strings(RawConf conf) {
    return run(conf, List.of(Item.empty())).<Object>map(Item::rawValue).collectList().block(TIMEOUT);
  }

  /** The strings fetchpage makes of {@code page} (served as UTF-8 HTML) with the given conf keys. */
  private List<Object> page(String page, Object... keysAndValues) {
    String path = "/page-" + System.nanoTime() + ".html";
    server.file(path, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    Object[] all = new Object[keysAndValues.length + 2];
    all[0] = "url";
    all[1] = server.url(path);
    System.arraycopy(keysAndValues, 0, all, 2, keysAndValues.length);
    return strings(RawConf.of(all));
  }

  private static List<Object> expected(String caseName) {
    try {
      String text = Files.readString(SharedData.conformanceCase(caseName).resolve("expected.jsonl"));
      return text.lines().filter(line -> !line.isBlank()).map(line -> (@Nullable Object) ItemJson.parse(line)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void isARegisteredSourceWithRikosDefaults() {
    assertThat(fetchpage.name()).isEqualTo("fetchpage");
    assertThat(fetchpage.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(fetchpage.spec().defaults()).containsEntry("encoding", "utf-8");
    assertThat(ModuleRegistry.standard().find("fetchpage")).containsInstanceOf(FetchPage.class);
  }

  // ---- conformance cases

  @Test
  void conformanceStartEnd() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/cnn.html") + "\"},"
        + " \"start\": {\"type\": \"text\", \"value\": \"<title>\"}, \"end\": {\"type\": \"text\", \"value\": \"</title>\"}}");
    assertThat(strings(conf)).containsExactlyElementsOf(expected("fetchpage-start-end"));
  }

  @Test
  void conformanceTokenDetag() {
    RawConf conf = conf("{\"url\": {\"type\": \"url\", \"value\": \"" + server.url("/page.html") + "\"},"
        + " \"start\": {\"type\": \"text\", \"value\": \"<ul class=\\\"list\\\">\"},"
        + " \"end\": {\"type\": \"text\", \"value\": \"</ul>\"},"
        + " \"token\": {\"type\": \"text\", \"value\": \"</li>\"}, \"detag\": {\"type\": \"bool\", \"value\": true}}");
    assertThat(strings(conf)).containsExactlyElementsOf(expected("fetchpage-token-detag"))
        .containsExactly("Apple\n\n\n\nBanana \n yellow\n\n\n\nCherry");
  }

  // ---- the spec's examples

  @Test
  void specCaltrainFaresSplitByToken() {
    assertThat(strings(RawConf.of("url", "file://riko/data/www.caltrain.com_Fares_farechart.html",
        "start", "One Way</span>", "end", "</tr>", "token", "<td style=\"text-align: center;\">")))
        .containsExactly("</td>",
            "<a href=\"/Fares/howtobuy/Ticket_Vending_Machine.html\" title=\"Ticket Vending Machine\">TVM</a> </td>",
            "$3.00</td>", "$5.00</td>", "$7.00</td>", "$9.00</td>", "$11.00</td>", "$13.00</td>");
  }

  @Test
  void specDetaggedTitle() {
    assertThat(strings(RawConf.of("url", "file://riko/data/users.jyu.fi.html", "start", "<title>", "end", "</title>",
        "detag", true))).containsExactly("HTML tidy service");
  }

  @Test
  void specDoctypeUpToTheFirstHttp() {
    assertThat(strings(RawConf.of("url", "file://riko/data/bbc.html", "start", "DOCTYPE ", "end", "http")))
        .containsExactly("html PUBLIC \"-//W3C//DTD XHTML+RDFa 1.0//EN\" \"");
  }

  @Test
  void specCnnTitle() {
    assertThat(strings(RawConf.of("url", "file://riko/data/cnn.html", "start", "<title>", "end", "</title>")))
        .singleElement().asString().startsWith("CNN.com International - Breaking, ");
  }

  // ---- the region

  @Test
  void everyLineBreakInsideTheRegionIsDoubled() {
    assertThat(page("zero\nbefore START one\ntwo\nthree END after\nfour\n", "start", "START", "end", "END"))
        .containsExactly("one\n\ntwo\n\nthree");
  }

  @Test
  void withoutStartRikoSearchesForNoneAndDropsThreeCharacters() {
    assertThat(page("abcdef\nghi", "end", "zzz")).containsExactly("def\n\nghi");
    assertThat(page("xx None yy")).containsExactly("yy");
  }

  @Test
  void anEmptyStartKeepsTheWholePage() {
    assertThat(page("abcdef", "start", "")).containsExactly("abcdef");
  }

  @Test
  void anEndRightAtTheStartOfTheRegionIsIgnored() {
    assertThat(page("abab", "start", "a", "end", "b")).containsExactly("ba");
    assertThat(page("a-x-y", "start", "a", "end", "-")).containsExactly("-x");
  }

  @Test
  void aMissingEndKeepsTheRestAndAMissingStartKeepsNothing() {
    assertThat(page("<p>one</p>\n<p>two</p>", "start", "one", "end", "nowhere")).containsExactly("</p>\n\n<p>two</p>");
    assertThat(page("<p>one</p>", "start", "nowhere")).containsExactly("");
  }

  @Test
  void tokenSplitsKeepEmptyPiecesAndStripEachOne() {
    assertThat(page("[ a ;;b; ]", "start", "[", "end", "]", "token", ";")).containsExactly("a", "", "b", "");
  }

  // ---- detag

  @Test
  void detagKeepsTextChunksAndDropsReferences() {
    assertThat(page("[[<p>Fish &amp; chips &#8217;n&rsquo;more</p>]]", "start", "[[", "end", "]]", "detag", true))
        .containsExactly("Fish \n chips \nn\nmore");
  }

  @Test
  void detagKeepsLoneAmpersandsAndAngleBracketsAsTheirOwnChunks() {
    assertThat(page("[[<b>a & b < c</b>]]", "start", "[[", "end", "]]", "detag", true))
        .containsExactly("a \n&\n b \n<\n c");
  }

  @Test
  void detagDropsCommentsAndDeclarationsAndKeepsScriptText() {
    assertThat(page("[[<!DOCTYPE html><!-- note --><script>if (a < b && c) x();</script><i title=\"a>b\">t</i>]]",
        "start", "[[", "end", "]]", "detag", true))
        .containsExactly("if (a < b && c) x();\nt");
  }

  @Test
  void detagStopsAtAnUnfinishedTag() {
    assertThat(page("[[<b>kept</b> and <i", "start", "[[", "detag", true)).containsExactly("kept\n and");
  }

  // ---- fetching

  @Test
  void theEncodingConfDecodesPagesWithoutCharset() {
    String path = "/latin-" + System.nanoTime() + ".bin";
    server.file(path, "application/octet-stream", "S Zoë E".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(strings(RawConf.of("url", server.url(path), "start", "S", "end", "E", "encoding", "latin-1")))
        .containsExactly("Zoë");
    String text = "/text-" + System.nanoTime() + ".txt";
    server.file(text, "text/plain", "S Zoë E".getBytes(StandardCharsets.UTF_8));
    assertThat(strings(RawConf.of("url", server.url(text), "start", "S", "end", "E"))).containsExactly("ZoÃ«");
  }

  @Test
  void eachInputItemReadsItsOwnPage() {
    RawConf conf = conf("{\"url\": {\"subkey\": \"src\"}, \"start\": \"<title>\", \"end\": \"</title>\"}");
    List<Item> input = items("[{\"src\": \"" + server.url("/slow/page.html") + "\"}, {\"src\": \"file://riko/data/users.jyu.fi.html\"}]");
    assertThat(run(conf, input).map(Item::rawValue).collectList().block(TIMEOUT))
        .containsExactly("Sample Page", "HTML tidy service");
  }

  @Test
  void aFailedFetchIsAnErrorAfterEarlierPages() {
    String missing = server.url("/status/404");
    StepVerifier.create(run(RawConf.of("url", List.of(server.url("/page.html"), missing), "start", "<title>",
            "end", "</title>"), List.of(Item.empty())).map(Item::rawValue))
        .expectNext("Sample Page")
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchpage").hasMessageContaining(missing))
        .verify(TIMEOUT);
  }

  @Test
  void missingUrlAndUnknownEncodingFailAtAssembly() {
    assertThatThrownBy(() -> fetchpage.create(ModuleCall.of("fetchpage", RawConf.of("start", "x"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'").hasMessageContaining("required");
    assertThatThrownBy(() -> fetchpage.create(ModuleCall.of("fetchpage", RawConf.of("url", "a.html", "encoding", "klingon"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'encoding'");
  }

  @Test
  void javaCallersReadStrings() {
    FetchPage.Conf conf = new FetchPage.Conf(List.of("cnn.html"), "<title>", "</title>", null, false, StandardCharsets.UTF_8);
    StepVerifier.create(FetchPage.read(conf, FETCHER))
        .assertNext(title -> assertThat(title).startsWith("CNN.com International"))
        .expectComplete()
        .verify(TIMEOUT);
  }
}
