package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import riko.testing.SharedData;

class FeedAutoDiscoveryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withTest(true)
      .withFetcher(new StandardFetcher(http, new FileFetcher(SharedData.fixtures())));

  private final FeedAutoDiscovery discovery = new FeedAutoDiscovery();

  @AfterAll
  static void close() {
    http.close();
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    return Flux.fromIterable(input).transform(discovery.create(
        ModuleCall.of("feedautodiscovery", conf).withOptions(CallOptions.none()).withContext(CONTEXT)));
  }

  private List<Item> list(RawConf conf) {
    return run(conf, List.of(Item.empty())).collectList().block(TIMEOUT);
  }

  /** A conformance case's expectation, with {@code {{BASE}}} replaced by the local server's base URL. */
  private static List<Item> expected(String caseName) throws java.io.IOException {
    String base = server.url("");
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String text = Files.readString(SharedData.conformanceCase(caseName).resolve("expected.jsonl")).replace("{{BASE}}", base);
    return text.lines().filter(line -> !line.isBlank()).map(line -> Item.ofValue(ItemJson.parse(line))).toList();
  }

  /** Serves the conformance page links.html with its {@code {{BASE}}} filled in; returns its URL. */
  private static String linksPage() {
    String base = server.url("");
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String page = new String(SharedData.file("links.html"), StandardCharsets.UTF_8).replace("{{BASE}}", base);
    String path = "/links-" + System.nanoTime() + ".html";
    server.file(path, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    return server.url(path);
  }

  @Test
  void isARegisteredSource() {
    assertThat(ModuleRegistry.standard().find("feedautodiscovery")).containsInstanceOf(FeedAutoDiscovery.class);
    assertThat(discovery.spec().defaults()).containsEntry("strict", true).containsEntry("sort", false);
  }

  @Test
  void conformanceStrict() throws Exception {
    assertThat(list(RawConf.of("url", linksPage()))).isEqualTo(expected("feedautodiscovery-strict"));
  }

  @Test
  void conformanceNotStrict() throws Exception {
    assertThat(list(RawConf.of("url", linksPage(), "strict", false))).isEqualTo(expected("feedautodiscovery-nonstrict"));
  }

  @Test
  void specStrictFindsTheBbcFeed() {
    assertThat(list(RawConf.of("url", "file://riko/data/bbc.html"))).containsExactly(Item.ofValue(ItemJson.parse(
        "{\"href\": \"file://riko/data/bbci.co.uk.xml\", \"rel\": \"alternate\", \"type\": \"application/rss+xml\","
        + " \"title\": \"BBC News - Home\", \"link\": \"file://riko/data/bbci.co.uk.xml\", \"tag\": \"link\"}")));
  }

  @Test
  void specNotStrictAddsHrefMatchesAndAnchors() {
    assertThat(list(RawConf.of("url", "file://riko/data/bbc.html", "strict", false))).extracting(item -> item.get("tag") + " " + item.get("link"))
        .containsExactly("link greenhughes.xml", "link file://riko/data/bbci.co.uk.xml", "a http://feeds.bbci.co.uk/news/rss.xml");
  }

  @Test
  void specSortPutsTheTypedFeedFirst() {
    assertThat(list(RawConf.of("url", "file://riko/data/bbc.html", "strict", false, "sort", true)))
        .extracting(item -> item.get("link"))
        .containsExactly("file://riko/data/bbci.co.uk.xml", "greenhughes.xml", "http://feeds.bbci.co.uk/news/rss.xml");
  }

  @Test
  void quirkMarkupInsteadOfAUrlIsScannedItself() {
    assertThat(list(RawConf.of("url", "<link rel='alternate' type='application/atom+xml' href='http://a/feed'>")))
        .extracting(item -> item.get("link")).containsExactly("http://a/feed");
  }

  @Test
  void subkeyScansOnePagePerItem() {
    List<Item> found = run(conf("{\"url\": {\"subkey\": \"page\"}}"),
        items("[{\"page\": \"file://riko/data/bbc.html\"}, {\"page\": \"" + linksPage() + "\"}]")).collectList().block(TIMEOUT);
    assertThat(found).hasSize(3);
    assertThat(found.get(0).get("title")).isEqualTo("BBC News - Home");
  }

  @Test
  void aPageWithoutFeedsGivesNothing() {
    assertThat(list(RawConf.of("url", server.url("/page.html")))).isEmpty();
  }

  @Test
  void missingUrlFailsAtAssembly() {
    assertThatThrownBy(() -> discovery.create(ModuleCall.of("feedautodiscovery", RawConf.empty())))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'");
  }

  @Test
  void anUnreachablePageIsAnErrorNamingTheUrl() {
    String missing = server.url("/status/500");
    StepVerifier.create(run(RawConf.of("url", missing), List.of(Item.empty())))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining(missing))
        .verify(TIMEOUT);
  }
}
