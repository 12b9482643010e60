package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import riko.reactive.testing.LocalHttpServer;
import riko.spi.ResourceHandler;
import riko.spi.ResourceInfo;
import riko.spi.ResourceRequest;

class HttpFetcherTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher fetcher = new HttpFetcher(HttpFetcherConfig.defaults());

  private static final ResourceHandler<String> TEXT = (info, body) -> body
      .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
      .map(out -> out.toString(StandardCharsets.UTF_8));

  @AfterAll
  static void close() {
    fetcher.close();
  }

  /** The whole body, with the metadata the handler saw. */
  private record Response(ResourceInfo info, byte[] body) {}

  private static final ResourceHandler<Response> WHOLE = (info, body) -> body
      .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
      .map(out -> new Response(info, out.toByteArray()));

  @Test
  void streamsTheBodyWithTheResponsesUrlAndContentType() {
    String url = server.url("/people.json");
    Response response = fetcher.fetch(url, WHOLE).blockLast(TIMEOUT);
    assertThat(response.body()).isEqualTo(LocalHttpServer.resource("people.json"));
    assertThat(response.info().url()).isEqualTo(url);
    assertThat(response.info().mediaType()).isEqualTo("application/json");
    assertThat(response.info().charset()).isEmpty();
  }

  @Test
  void passesTheDeclaredCharset() {
    Response response = fetcher.fetch(server.url("/page.html"), WHOLE).blockLast(TIMEOUT);
    assertThat(response.info().charset()).contains(StandardCharsets.UTF_8);
    assertThat(response.info().mediaType()).isEqualTo("text/html");
  }

  @Test
  void sendsRikoJavasUserAgentAndAcceptsCompression() {
    String path = "/agent-" + System.nanoTime() + ".json";
    server.file(path, "application/json", "[]".getBytes(StandardCharsets.UTF_8));
    fetcher.fetch(server.url(path), WHOLE).blockLast(TIMEOUT);
    var headers = server.requests().stream()
        .filter(h -> h.contains(HttpHeaderNames.USER_AGENT))
        .reduce((first, second) -> second)
        .orElseThrow();
    assertThat(headers.get(HttpHeaderNames.USER_AGENT)).isEqualTo(HttpFetcherConfig.DEFAULT_USER_AGENT).startsWith("riko-java/");
    assertThat(headers.get(HttpHeaderNames.ACCEPT_ENCODING)).contains("gzip").contains("deflate");
  }

  @Test
  void userAgentComesFromTheConfig() {
    String path = "/custom-agent-" + System.nanoTime();
    AtomicReference<String> agent = new AtomicReference<>();
    server.route(path, (request, response) -> {
      agent.set(request.requestHeaders().get(HttpHeaderNames.USER_AGENT));
      return response.sendString(Mono.just("ok"));
    });
    try (HttpFetcher custom = new HttpFetcher(HttpFetcherConfig.defaults().withUserAgent("tester/1"))) {
      custom.fetch(server.url(path), WHOLE).blockLast(TIMEOUT);
    }
    assertThat(agent.get()).isEqualTo("tester/1");
  }

  @Test
  void decompressesGzippedBodies() {
    Response response = fetcher.fetch(server.url("/gzip/people.json"), WHOLE).blockLast(TIMEOUT);
    assertThat(response.body()).isEqualTo(LocalHttpServer.resource("people.json"));
  }

  @Test
  void compressedBodiesKeepTheDeclaredCharset() {
    Response response = fetcher.fetch(server.url("/gzip/page.html"), WHOLE).blockLast(TIMEOUT);
    assertThat(response.info().charset()).contains(StandardCharsets.UTF_8);
    assertThat(response.body()).isEqualTo(LocalHttpServer.resource("page.html"));
  }

  @Test
  void slowBodiesArriveWhole() {
    Response response = fetcher.fetch(server.url("/slow/people.json"), WHOLE).blockLast(TIMEOUT);
    assertThat(response.body()).isEqualTo(LocalHttpServer.resource("people.json"));
  }

  @Test
  void decompressesDeflatedBodies() {
    Response response = fetcher.fetch(server.url("/deflate/people.json"), WHOLE).blockLast(TIMEOUT);
    assertThat(response.body()).isEqualTo(LocalHttpServer.resource("people.json"));
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() {
    Response response = fetcher.fetch(server.url("/redirect/people.json"), WHOLE).blockLast(TIMEOUT);
    assertThat(response.info().url()).isEqualTo(server.url("/people.json"));
    assertThat(response.body()).isEqualTo(LocalHttpServer.resource("people.json"));
  }

  @Test
  void notFoundIsAnErrorNamingTheUrlAndTheStatus() {
    String url = server.url("/missing.json");
    StepVerifier.create(fetcher.fetch(url, WHOLE))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(FetchException.class).hasMessageContaining(url).hasMessageContaining("404");
          assertThat(((FetchException) e).status()).hasValue(404);
          assertThat(((FetchException) e).url()).isEqualTo(url);
        })
        .verify(TIMEOUT);
  }

  @Test
  void serverErrorIsAnErrorNamingTheStatus() {
    String url = server.url("/status/500");
    StepVerifier.create(fetcher.fetch(url, WHOLE))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessage("cannot read " + url + ": HTTP status 500 Internal Server Error"))
        .verify(TIMEOUT);
    assertThat(server.hits("/status/500")).as("500 is not retried").isEqualTo(1);
  }

  @Test
  void sendsTheRequestsHeadersReplacingTheFetchersOwn() {
    ResourceRequest request = ResourceRequest.of(server.url("/echo-headers"))
        .withHeaders(Map.of("X-Api-Key", "k1", "User-Agent", "mine/2"));
    String echoed = fetcher.fetch(request, TEXT).blockLast(TIMEOUT);
    assertThat(echoed).contains("X-Api-Key: k1\n").contains("User-Agent: mine/2\n")
        .doesNotContain(HttpFetcherConfig.DEFAULT_USER_AGENT);
  }

  @Test
  void sendsTheConfigsHeadersWithEveryRequestUnlessTheRequestReplacesThem() {
    HttpFetcherConfig config = HttpFetcherConfig.defaults()
        .withHeaders(Map.of("Accept-Language", "mi", "X-Team", "data"));
    try (HttpFetcher custom = new HttpFetcher(config)) {
      String plain = custom.fetch(server.url("/echo-headers"), TEXT).blockLast(TIMEOUT);
      assertThat(plain).contains("Accept-Language: mi\n").contains("X-Team: data\n")
          .containsIgnoringCase("User-Agent: " + HttpFetcherConfig.DEFAULT_USER_AGENT + "\n");
      String replaced = custom.fetch(ResourceRequest.of(server.url("/echo-headers"))
          .withHeaders(Map.of("x-team", "ops")), TEXT).blockLast(TIMEOUT);
      assertThat(replaced).containsIgnoringCase("X-Team: ops\n").doesNotContain("data").contains("Accept-Language: mi\n");
    }
  }

  @Test
  void aHandlerThatBlocksTheEventLoopFailsUnderBlockHound() {
    StepVerifier.create(fetcher.fetch(server.url("/people.json"), (info, body) -> body.map(chunk -> {
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return chunk.length;
        })))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BlockingOperationError.class))
        .verify(TIMEOUT);
  }

  @Test
  void refusedConnectionIsAnErrorNamingTheUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/nothing.json";
    StepVerifier.create(fetcher.fetch(url, WHOLE))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(FetchException.class).hasMessageContaining(url);
          assertThat(((FetchException) e).status()).isEmpty();
        })
        .verify(TIMEOUT);
  }

  @Test
  void silentServerTimesOut() {
    String path = "/silent-" + System.nanoTime();
    server.route(path, (request, response) -> Mono.never());
    try (HttpFetcher impatient = new HttpFetcher(HttpFetcherConfig.defaults().withResponseTimeout(Duration.ofMillis(300)))) {
      StepVerifier.create(impatient.fetch(server.url(path), WHOLE))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
              .hasMessageContaining(server.url(path)).hasMessageContaining("sent nothing"))
          .verify(TIMEOUT);
    }
  }

  @Test
  void handlerErrorsPassThroughUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    StepVerifier.create(fetcher.fetch(server.url("/people.json"), (info, body) -> body.thenMany(Flux.error(boom))))
        .expectErrorSatisfies(e -> assertThat(e).isSameAs(boom))
        .verify(TIMEOUT);
  }

  @Test
  void bodyArrivesInChunksBeforeTheResponseEnds() {
    String path = "/gated-" + System.nanoTime();
    CountDownLatch firstRead = new CountDownLatch(1);
    server.route(path, (request, response) -> response.sendString(Flux.concat(
        Mono.just("first;"),
        Mono.fromRunnable(() -> awaitQuietly(firstRead)).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
            .then(Mono.just("second")))));
    StepVerifier.create(fetcher.fetch(server.url(path), (info, body) -> body.map(b -> new String(b, StandardCharsets.UTF_8))))
        .expectNext("first;")
        .then(firstRead::countDown)
        .expectNext("second")
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void cancellingTheBodyStopsTheDownload() throws InterruptedException {
    String path = "/endless-" + System.nanoTime();
    CountDownLatch cancelled = new CountDownLatch(1);
    server.route(path, (request, response) -> response.sendString(
        Flux.concat(Mono.just("chunk;"), Flux.<String>never()).doOnCancel(cancelled::countDown)));
    StepVerifier.create(fetcher.fetch(server.url(path), (info, body) -> body.take(1).map(b -> b.length)))
        .expectNext("chunk;".length())
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the server saw the download cancelled").isTrue();
  }

  @Test
  void fetchesAreLazy() {
    String path = "/lazy-" + System.nanoTime();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.route(path, (request, response) -> {
      seen.add(path);
      return response.sendString(Mono.just("x"));
    });
    Flux<Response> notSubscribed = fetcher.fetch(server.url(path), WHOLE);
    assertThat(notSubscribed).isNotNull();
    assertThat(seen).isEmpty();
    notSubscribed.blockLast(TIMEOUT);
    assertThat(seen).containsExactly(path);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
