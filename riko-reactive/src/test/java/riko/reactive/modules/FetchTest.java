package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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

class FetchTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher();
  private static final Path DATA = SharedData.fixtures();
  private static final ModuleContext CONTEXT =
      ModuleContext.defaults().withTest(true).withFetcher(new StandardFetcher(http, new FileFetcher(DATA)));

  private final Fetch fetch = new Fetch();

  @AfterAll
  static void close() {
    http.close();
  }

  private Flux<Item> run(RawConf conf) {
    return run(conf, List.of(Item.empty()));
  }

  private Flux<Item> run(RawConf conf, List<Item> input) {
    ModuleCall call = ModuleCall.of("fetch", conf).withOptions(CallOptions.none()).withContext(CONTEXT);
    return Flux.fromIterable(input).transform(fetch.create(call));
  }

  private List<Item> list(RawConf conf) {
    return run(conf).collectList().block(TIMEOUT);
  }

  private static RawConf url(String url) {
    return RawConf.of("url", url);
  }

  private static List<JsonNode> json(List<Item> items) {
    return items.stream().map(item -> {
      try {
        return JSON.readTree(ItemJson.toJson(item));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  private static List<JsonNode> expected(String caseName) {
    try {
      return Files.readString(SharedData.conformanceCase(caseName).resolve("expected.jsonl")).lines()
          .filter(line -> !line.isBlank()).map(line -> {
            try {
              return JSON.readTree(line);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String serve(String name, String contentType, byte[] body) {
    String path = "/" + name + "-" + System.nanoTime();
    server.file(path, contentType, body);
    return server.url(path);
  }

  @Test
  void isARegisteredSource() {
    assertThat(fetch.name()).isEqualTo("fetch");
    assertThat(fetch.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(ModuleRegistry.standard().find("fetch")).containsInstanceOf(Fetch.class);
  }

  // ---- conformance cases (recorded from riko), over HTTP

  @Test
  void conformanceRss2() {
    assertThat(json(list(url(server.url("/small-rss.xml"))))).isEqualTo(expected("fetch-rss2"));
  }

  @Test
  void conformanceAtom() {
    assertThat(json(list(url(server.url("/small-atom.xml"))))).isEqualTo(expected("fetch-atom"));
  }

  @Test
  void conformanceTruncatedFeed() {
    assertThat(json(run(url(server.url("/feed.xml"))).take(3).collectList().block(TIMEOUT)))
        .isEqualTo(expected("fetch-feed-truncate"));
  }

  // ---- the spec's examples

  @Test
  void specFeedXmlFromTheDataDirectory() {
    List<Item> entries = list(url("file://riko/data/feed.xml"));
    assertThat(entries).hasSize(7);
    Item first = entries.get(0);
    assertThat(first.get("title")).isEqualTo("Donations");
    assertThat(first.get("author")).isEqualTo(Item.empty().with("name", "WriteToReply").with("uri", null));
    assertThat(first.get("dc:creator")).isEqualTo("WriteToReply");
    assertThat(first.get("id")).isEqualTo("http://writetoreply.org/?page_id=111");
    assertThat(first.get("link")).isEqualTo("http://writetoreply.org/donations/");
  }

  @Test
  void specSubkeyFetchesOneFeedPerItem() {
    List<Item> entries = run(conf("{\"url\": {\"subkey\": \"url\"}}"), items("[{\"url\": \"file://riko/data/feed.xml\"}]"))
        .collectList().block(TIMEOUT);
    assertThat(entries).isEqualTo(list(url("file://riko/data/feed.xml")));
  }

  @Test
  void subkeyOverHttpKeepsInputOrder() {
    List<Item> input = items("[{\"link\": \"" + server.url("/slow/small-atom.xml") + "\"}, {\"link\": \"" + server.url("/small-rss.xml") + "\"}]");
    assertThat(run(conf("{\"url\": {\"subkey\": \"link\"}}"), input).map(item -> item.get("title")).collectList().block(TIMEOUT))
        .containsExactly("Atom entry one", "Entry <em>two</em>", "First post", "Second post \u2013 \u00fcn\u00efcode", "Third post");
  }

  @Test
  void aListOfUrlsIsReadInOrder() {
    RawConf conf = RawConf.of("url", List.of(server.url("/small-atom.xml"), "file://riko/data/feed.xml"));
    List<Item> entries = list(conf);
    assertThat(entries).hasSize(9);
    assertThat(entries).extracting(item -> item.get("y:title")).startsWith("Atom entry one", "Entry <em>two</em>", "Donations");
  }

  @Test
  void missingOrEmptyUrlGivesNothing() {
    assertThat(list(RawConf.empty())).isEmpty();
    assertThat(list(url(""))).isEmpty();
    assertThat(run(conf("{\"url\": {\"subkey\": \"nothing\"}}"), items("[{\"a\": 1}]")).collectList().block(TIMEOUT)).isEmpty();
  }

  @Test
  void memoizeIsAcceptedWithoutEffect() {
    assertThat(list(RawConf.of("url", "file://riko/data/feed.xml", "memoize", true))).hasSize(7);
  }

  // ---- delay

  @Test
  void delayWaitsBeforeFetchingWithoutBlocking() {
    StepVerifier.withVirtualTime(() -> run(RawConf.of("url", "file://riko/data/feed.xml", "delay", 5)))
        .expectSubscription()
        .expectNoEvent(Duration.ofSeconds(4))
        .thenAwait(Duration.ofSeconds(1))
        .expectNextCount(7)
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void badDelayOrEncodingFailsAtAssembly() {
    assertThatThrownBy(() -> fetch.create(ModuleCall.of("fetch", RawConf.of("url", "a.xml", "delay", "soon"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'delay'").hasMessageContaining("soon");
    assertThatThrownBy(() -> fetch.create(ModuleCall.of("fetch", RawConf.of("url", "a.xml", "delay", -1))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'delay'");
    assertThatThrownBy(() -> fetch.create(ModuleCall.of("fetch", RawConf.of("url", "a.xml", "encoding", "klingon"))))
        .isInstanceOf(ConfException.class).hasMessageContaining("'encoding'").hasMessageContaining("klingon");
  }

  // ---- charsets and headers

  @Test
  void encodingConfDecodesAFeedThatNamesNoCharset() {
    byte[] latin1 = "<rss version='2.0'><channel><item><title>\u00e9t\u00e9</title></item></channel></rss>"
        .getBytes(StandardCharsets.ISO_8859_1);
    String plain = serve("latin1", "application/rss+xml", latin1);
    assertThat(list(RawConf.of("url", plain, "encoding", "latin-1"))).extracting(item -> item.get("title")).containsExactly("\u00e9t\u00e9");
    String named = serve("named", "application/rss+xml; charset=iso-8859-1", latin1);
    assertThat(list(url(named))).extracting(item -> item.get("title")).containsExactly("\u00e9t\u00e9");
  }

  @Test
  void headersAreSentWithTheRequest() {
    String url = server.url("/small-rss.xml?h=" + System.nanoTime());
    list(RawConf.of("url", url, "headers", Map.of("X-Feed-Test", "yes")));
    assertThat(server.requests()).anyMatch(headers -> "yes".equals(headers.get("X-Feed-Test")));
  }

  // ---- errors and cancellation

  @Test
  void aMissingFeedFailsAfterTheEntriesAlreadyEmittedNamingTheUrl() {
    String missing = server.url("/status/404");
    StepVerifier.create(run(RawConf.of("url", List.of(server.url("/small-rss.xml"), missing))))
        .expectNextCount(3)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("fetch").hasMessageContaining(missing))
        .verify(TIMEOUT);
  }

  @Test
  void aMissingFeedForOneItemFailsAfterTheEarlierItemsEntries() {
    String missing = server.url("/no-such-feed.xml");
    List<Item> input = items("[{\"u\": \"" + server.url("/small-atom.xml") + "\"}, {\"u\": \"" + missing + "\"}]");
    StepVerifier.create(run(conf("{\"url\": {\"subkey\": \"u\"}}"), input))
        .expectNextCount(2)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class).hasMessageContaining(missing))
        .verify(TIMEOUT);
  }

  @Test
  void aPageThatIsNotAFeedIsAnErrorNamingTheUrl() {
    String page = server.url("/page.html");
    StepVerifier.create(run(url(page)))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining(page).hasMessageContaining("not an RSS, Atom or JSON feed"))
        .verify(TIMEOUT);
  }

  @Test
  void aJsonFeedIsReadByItsContentType() {
    String feed = serve("jsonfeed", "application/feed+json", ("{\"version\": \"https://jsonfeed.org/version/1.1\", "
        + "\"items\": [{\"id\": \"1\", \"title\": \"J\", \"content_text\": \"x\"}]}").getBytes(StandardCharsets.UTF_8));
    assertThat(list(url(feed))).extracting(item -> item.get("y:title")).containsExactly("J");
  }

  @Test
  void truncatingCancelsTheFetchesStillRunning() throws InterruptedException {
    String path = "/endless-feed-" + System.nanoTime();
    CountDownLatch cancelled = new CountDownLatch(1);
    server.route(path, (request, response) -> response.sendString(Flux.concat(
            Mono.just("<rss version='2.0'><channel><item><title>never</title></item>"), Flux.<String>never())
        .doOnCancel(cancelled::countDown)));
    // the first feed arrives slowly, so the endless download has started when truncation cancels it
    List<Item> input = items("[{\"u\": \"" + server.url("/slow/small-rss.xml") + "\"}, {\"u\": \"" + server.url(path) + "\"}]");
    StepVerifier.create(run(conf("{\"url\": {\"subkey\": \"u\"}}"), input).take(3))
        .expectNextCount(3)
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the server saw the download cancelled").isTrue();
  }

  @Test
  void javaCallersReadWithATypedConf() {
    StepVerifier.create(Fetch.read(new Fetch.Conf(List.of("file://riko/data/feed.xml")), new FileFetcher(DATA)))
        .expectNextMatches(item -> "Donations".equals(item.get("title")))
        .expectNextCount(6)
        .expectComplete()
        .verify(TIMEOUT);
  }
}
