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

class FetchSiteFeedTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withTest(true)
      .withFetcher(new StandardFetcher(http, new FileFetcher(SharedData.fixtures())));

  private final FetchSiteFeed siteFeed = new FetchSiteFeed();

  @AfterAll
  static void close() {
    http.close();
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    return Flux.fromIterable(input).transform(siteFeed.create(
        ModuleCall.of("fetchsitefeed", conf).withOptions(CallOptions.none()).withContext(CONTEXT)));
  }

  private List<Item> list(RawConf conf) {
    return run(conf, List.of(Item.empty())).collectList().block(TIMEOUT);
  }

  private static String base() {
    String base = server.url("");
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  private static String page(String html) {
    String path = "/site-" + System.nanoTime() + ".html";
    server.file(path, "text/html; charset=utf-8", html.replace("{{BASE}}", base()).getBytes(StandardCharsets.UTF_8));
    return server.url(path);
  }

  @Test
  void isARegisteredSource() {
    assertThat(ModuleRegistry.standard().find("fetchsitefeed")).containsInstanceOf(FetchSiteFeed.class);
  }

  @Test
  void conformanceTheFirstAdvertisedFeedIsFetched() throws Exception {
    String links = page(new String(SharedData.file("links.html"), StandardCharsets.UTF_8));
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<Object> expected = new java.util.ArrayList<>();
    for (String line : Files.readString(SharedData.conformanceCase("fetchsitefeed-links").resolve("expected.jsonl")).lines().toList()) {
      if (!line.isBlank()) {
        expected.add(json.readTree(line));
      }
    }
    List<Object> actual = new java.util.ArrayList<>();
    for (Item entry : list(RawConf.of("url", links))) {
      actual.add(json.readTree(ItemJson.toJson(entry)));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void specBbcPageGivesTheBbcFeedsEntries() {
    List<Item> entries = list(RawConf.of("url", "file://riko/data/bbc.html"));
    assertThat(entries).isNotEmpty();
    assertThat(entries.get(0).get("title")).isEqualTo("EU sets out 'phased' Brexit strategy");
    assertThat(entries).isEqualTo(new Fetch().create(ModuleCall.of("fetch", RawConf.of("url", "file://riko/data/bbci.co.uk.xml"))
        .withContext(CONTEXT)).apply(Flux.just(Item.empty())).collectList().block(TIMEOUT));
  }

  @Test
  void theLinkIsNotResolvedAgainstThePage() {
    // "feed.xml" is read as riko reads a bare name: the bundled data file, not the server's /feed.xml
    String site = page("<html><head><link rel='alternate' type='application/rss+xml' href='feed.xml'></head></html>");
    assertThat(list(RawConf.of("url", site))).extracting(item -> item.get("title")).startsWith("Donations").hasSize(7);
  }

  @Test
  void onlyTheFirstCandidateIsFetched() {
    String site = page("<link type='text/css' href='{{BASE}}/style.css'><a href='{{BASE}}/small-rdf.xml'>rdf</a>"
        + "<link type='application/atom+xml' href='{{BASE}}/small-atom.xml'><link type='application/rss+xml' href='{{BASE}}/small-rss.xml'>");
    assertThat(list(RawConf.of("url", site))).extracting(item -> item.get("title")).containsExactly("Atom entry one", "Entry <em>two</em>");
  }

  @Test
  void aPageWithoutFeedIsAnErrorNamingThePage() {
    String site = page("<html><body><a href='feed.xml'>not typed</a></body></html>");
    StepVerifier.create(run(RawConf.of("url", site), List.of(Item.empty())))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetchsitefeed").hasMessageContaining(site).hasMessageContaining("no feed link"))
        .verify(TIMEOUT);
  }

  @Test
  void aBrokenFeedLinkIsAnErrorNamingTheFeed() {
    String feed = base() + "/status/404";
    String site = page("<link type='application/rss+xml' href='" + feed + "'>");
    StepVerifier.create(run(RawConf.of("url", site), List.of(Item.empty())))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining(feed))
        .verify(TIMEOUT);
  }

  @Test
  void subkeyFetchesOneSitePerItem() {
    String site = page("<link type='application/rss+xml' href='{{BASE}}/small-rss.xml'>");
    List<Item> entries = run(conf("{\"url\": {\"subkey\": \"site\"}}"),
        items("[{\"site\": \"" + site + "\"}, {\"site\": \"file://riko/data/bbc.html\"}]")).collectList().block(TIMEOUT);
    assertThat(entries.get(0).get("title")).isEqualTo("First post");
    assertThat(entries.get(3).get("title")).isEqualTo("EU sets out 'phased' Brexit strategy");
  }

  @Test
  void missingUrlFailsAtAssembly() {
    assertThatThrownBy(() -> siteFeed.create(ModuleCall.of("fetchsitefeed", RawConf.empty())))
        .isInstanceOf(ConfException.class).hasMessageContaining("'url'");
  }

  @Test
  void credentialsGoToTheFeedOnlyOnThePagesOrigin() {
    java.util.Map<String, io.netty.handler.codec.http.HttpHeaders> seen = new java.util.concurrent.ConcurrentHashMap<>();
    byte[] feed = LocalHttpServer.resource("small-rss.xml");
    server.route("/creds/feed.xml", (request, response) -> {
      seen.put(request.requestHeaders().get("Host").startsWith("localhost") ? "other" : "same", request.requestHeaders().copy());
      return response.header("Content-Type", "application/rss+xml").sendByteArray(reactor.core.publisher.Mono.just(feed));
    });
    String sameOrigin = server.url("/creds/feed.xml");
    String otherOrigin = "http://localhost:" + server.port() + "/creds/feed.xml";
    for (String[] page : new String[][] {{"/creds/same.html", sameOrigin}, {"/creds/other.html", otherOrigin}}) {
      server.file(page[0], "text/html; charset=utf-8", ("<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\""
          + page[1] + "\"></head></html>").getBytes(StandardCharsets.UTF_8));
    }
    String headers = ", \"headers\": {\"Authorization\": \"Bearer secret\", \"X-Trace\": \"t1\"}}";

    assertThat(list(conf("{\"url\": \"" + server.url("/creds/same.html") + "\"" + headers))).hasSize(3);
    assertThat(list(conf("{\"url\": \"" + server.url("/creds/other.html") + "\"" + headers))).hasSize(3);

    assertThat(seen.get("same").get("Authorization")).isEqualTo("Bearer secret");
    assertThat(seen.get("other").get("Authorization")).as("credentials stay with the page's origin").isNull();
    assertThat(seen.get("other").get("X-Trace")).isEqualTo("t1");
  }
}
