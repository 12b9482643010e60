package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import riko.reactive.testing.LocalHttpServer;
import riko.spi.ResourceHandler;

class HttpLimitsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher capped = new HttpFetcher(HttpFetcherConfig.defaults().withMaxResponseBytes(10_000));

  private static final ResourceHandler<Integer> SIZE = (info, body) -> body
      .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
      .map(ByteArrayOutputStream::size);

  @AfterAll
  static void close() {
    capped.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "gzip", "deflate"})
  void aBodyAtTheCapIsRead(String encoding) {
    assertThat(capped.fetch(server.url("/bytes/10000?encoding=" + encoding), SIZE).blockLast(TIMEOUT)).isEqualTo(10_000);
  }

  @Test
  void aDeclaredLengthOverTheCapFailsBeforeTheHandlerIsCalled() {
    String url = server.url("/bytes/10001");
    AtomicBoolean called = new AtomicBoolean();
    StepVerifier.create(capped.fetch(url, (info, body) -> {
          called.set(true);
          return SIZE.handle(info, body);
        }))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class).hasMessage("cannot read " + url
            + ": the response declares 10001 bytes (Content-Length), more than 10000 bytes (maxResponseBytes;"
            + " counted after decompression)"))
        .verify(TIMEOUT);
    assertThat(called).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate"})
  void theCapCountsDecompressedBytes(String encoding) {
    String url = server.url("/bytes/1000000?encoding=" + encoding);
    AtomicLong delivered = new AtomicLong();
    StepVerifier.create(capped.fetch(url, (info, body) -> body.doOnNext(chunk -> delivered.addAndGet(chunk.length)).then()))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessage("cannot read " + url + ": the response is larger than 10000 bytes (maxResponseBytes;"
                + " counted after decompression)"))
        .verify(TIMEOUT);
    assertThat(delivered.get()).isLessThanOrEqualTo(10_000);
  }

  @Test
  void anEndlessBodyStopsAtTheCap() {
    String url = server.url("/endless?delayMs=1");
    StepVerifier.create(capped.fetch(url, SIZE))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessageContaining(url).hasMessageContaining("larger than 10000 bytes (maxResponseBytes"))
        .verify(TIMEOUT);
  }

  @Test
  void theDeadlineCoversTheWholeBody() {
    String url = server.url("/endless?delayMs=20");
    try (HttpFetcher hurried = new HttpFetcher(HttpFetcherConfig.defaults().withDeadline(Duration.ofMillis(300)))) {
      StepVerifier.create(hurried.fetch(url, SIZE))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
              .hasMessage("cannot read " + url + ": not finished within 300 ms (deadline)"))
          .verify(TIMEOUT);
    }
  }

  @Test
  void theDeadlineNamesWhereTheFetchWasRedirected() {
    String url = server.url("/redirect/endless");
    try (HttpFetcher hurried = new HttpFetcher(HttpFetcherConfig.defaults().withDeadline(Duration.ofMillis(300)))) {
      StepVerifier.create(hurried.fetch(url, SIZE))
          .expectErrorSatisfies(e -> assertThat(e).hasMessage("cannot read " + url + " (redirected to "
              + server.url("/endless") + "): not finished within 300 ms (deadline)"))
          .verify(TIMEOUT);
    }
  }

  @Test
  void aSilentBodyTimesOutNamingTheSetting() {
    String path = "/stalls-" + System.nanoTime();
    server.route(path, (request, response) -> response.sendString(Mono.just("first;").concatWith(Mono.never())));
    try (HttpFetcher impatient = new HttpFetcher(HttpFetcherConfig.defaults().withResponseTimeout(Duration.ofMillis(200)))) {
      StepVerifier.create(impatient.fetch(server.url(path), (info, body) -> body.map(b -> new String(b, StandardCharsets.UTF_8))))
          .expectNext("first;")
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
              .hasMessage("cannot read " + server.url(path) + ": the server sent nothing for 200 ms (responseTimeout)"))
          .verify(TIMEOUT);
    }
  }

  @Test
  void cancellingMidBodyFreesTheHostsOnlyConnection() {
    try (HttpFetcher single = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(1)
        .withPendingAcquireTimeout(Duration.ofSeconds(5)))) {
      StepVerifier.create(single.fetch(server.url("/endless?delayMs=20"), (info, body) -> body.take(2).map(b -> b.length)))
          .expectNext(LocalHttpServer.ENDLESS_CHUNK, LocalHttpServer.ENDLESS_CHUNK)
          .expectComplete()
          .verify(TIMEOUT);
      StepVerifier.create(single.fetch(server.url("/bytes/100"), SIZE))
          .expectNext(100)
          .expectComplete()
          .verify(TIMEOUT);
    }
  }

  @Test
  void waitingTooLongForAConnectionFailsNamingTheSettings() {
    String path = "/hangs-" + System.nanoTime();
    server.route(path, (request, response) -> Mono.never());
    try (HttpFetcher single = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(1)
        .withPendingAcquireTimeout(Duration.ofMillis(200)))) {
      Disposable hanging = single.fetch(server.url(path), SIZE).subscribe(size -> { }, error -> { });
      try {
        StepVerifier.create(single.fetch(server.url("/bytes/1"), SIZE))
            .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
                .hasMessageContaining(server.url("/bytes/1"))
                .hasMessageContaining("no connection to the host became free within 200 ms (pendingAcquireTimeout;"
                    + " at most 1 per host, maxConnectionsPerHost)"))
            .verify(TIMEOUT);
      } finally {
        hanging.dispose();
      }
    }
  }

  @Test
  void tooManyWaitingRequestsFailAtOnceNamingTheSetting() {
    String path = "/hangs-" + System.nanoTime();
    server.route(path, (request, response) -> Mono.never());
    try (HttpFetcher single = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(1)
        .withMaxPendingAcquires(1))) {
      Disposable first = single.fetch(server.url(path), SIZE).subscribe(size -> { }, error -> { });
      Disposable second = single.fetch(server.url(path), SIZE).subscribe(size -> { }, error -> { });
      try {
        StepVerifier.create(single.fetch(server.url("/bytes/1"), SIZE))
            .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
                .hasMessageContaining(server.url("/bytes/1"))
                .hasMessageContaining("more than 1 requests are waiting for a connection to the host (maxPendingAcquires)"))
            .verify(TIMEOUT);
      } finally {
        first.dispose();
        second.dispose();
      }
    }
  }
}
