package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import riko.reactive.testing.LocalHttpServer;
import riko.spi.ResourceHandler;

class HttpRetriesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  /** Two retries, as by default, but backing off 1 to 5 ms so the tests stay fast. */
  private static final HttpFetcher fetcher = new HttpFetcher(HttpFetcherConfig.defaults()
      .withRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));

  private static final ResourceHandler<String> TEXT = (info, body) -> body
      .collect(ByteArrayOutputStream::new, (out, chunk) -> out.write(chunk, 0, chunk.length))
      .map(out -> out.toString(StandardCharsets.UTF_8));

  @AfterAll
  static void close() {
    fetcher.close();
  }

  /** A fresh flaky endpoint: its path (for {@link LocalHttpServer#hits}) and URL. */
  private record Flaky(String path, String url) {
    static Flaky failing(int times, String status, String retryAfter) {
      String path = "/flaky/" + System.nanoTime();
      return new Flaky(path, server.url(path + "?fail=" + times + "&status=" + status + "&retryAfter="
          + URLEncoder.encode(retryAfter, StandardCharsets.UTF_8)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"429", "502", "503", "504", "close"})
  void retriesTransientFailuresUntilTheServerAnswers(String status) {
    Flaky flaky = Flaky.failing(2, status, "");
    StepVerifier.create(fetcher.fetch(flaky.url(), TEXT))
        .expectNext("ok 3")
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(server.hits(flaky.path())).isEqualTo(3);
  }

  @Test
  void givesUpAfterMaxRetriesSayingHowManyAttemptsWereMade() {
    Flaky flaky = Flaky.failing(5, "503", "");
    StepVerifier.create(fetcher.fetch(flaky.url(), TEXT))
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(FetchException.class).hasMessage("cannot read " + flaky.url()
              + ": HTTP status 503 Service Unavailable (gave up after 3 attempts)");
          assertThat(((FetchException) e).status()).hasValue(503);
        })
        .verify(TIMEOUT);
    assertThat(server.hits(flaky.path())).isEqualTo(3);
  }

  @Test
  void connectionFailuresAreRetriedAndReportedWithTheirAttempts() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/nothing";
    StepVerifier.create(fetcher.fetch(url, TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessageStartingWith("cannot read " + url + ": ").hasMessageEndingWith("(gave up after 3 attempts)"))
        .verify(TIMEOUT);
  }

  @Test
  void otherStatusesAreNotRetried() {
    Flaky flaky = Flaky.failing(1, "500", "");
    StepVerifier.create(fetcher.fetch(flaky.url(), TEXT))
        .expectErrorSatisfies(e -> assertThat(e).hasMessageEndingWith("HTTP status 500 Internal Server Error"))
        .verify(TIMEOUT);
    assertThat(server.hits(flaky.path())).isEqualTo(1);
  }

  @Test
  void zeroRetriesMakesOneAttempt() {
    Flaky flaky = Flaky.failing(1, "503", "");
    try (HttpFetcher once = new HttpFetcher(HttpFetcherConfig.defaults().withMaxRetries(0))) {
      StepVerifier.create(once.fetch(flaky.url(), TEXT))
          .expectErrorSatisfies(e -> assertThat(e).hasMessageEndingWith("HTTP status 503 Service Unavailable"))
          .verify(TIMEOUT);
    }
    assertThat(server.hits(flaky.path())).isEqualTo(1);
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    Flaky flaky = Flaky.failing(1, "429", "1");
    long started = System.nanoTime();
    StepVerifier.create(fetcher.fetch(flaky.url(), TEXT))
        .expectNext("ok 2")
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited as asked").isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void retryAfterAsAnHttpDateInThePastRetriesAtOnce() {
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5));
    Flaky flaky = Flaky.failing(1, "503", past);
    StepVerifier.create(fetcher.fetch(flaky.url(), TEXT)).expectNext("ok 2").expectComplete().verify(TIMEOUT);
  }

  @Test
  void retryAfterLongerThanTheLimitFailsAtOnce() {
    Flaky flaky = Flaky.failing(1, "503", "120");
    StepVerifier.create(fetcher.fetch(flaky.url(), TEXT))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class).hasMessage("cannot read "
            + flaky.url() + ": HTTP status 503 Service Unavailable; the server asked to retry after 2 min, longer than"
            + " 30 s (maxRetryAfter)"))
        .verify(TIMEOUT);
    assertThat(server.hits(flaky.path())).isEqualTo(1);
  }

  @Test
  void anHttpDateRetryAfterBeyondTheLimitFailsAtOnce() {
    String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    Flaky flaky = Flaky.failing(1, "429", later);
    StepVerifier.create(fetcher.fetch(flaky.url(), TEXT))
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("HTTP status 429 Too Many Requests; the server "
            + "asked to retry after").hasMessageContaining("(maxRetryAfter)"))
        .verify(TIMEOUT);
  }

  @Test
  void anUnreadableRetryAfterFallsBackToTheBackoff() {
    Flaky flaky = Flaky.failing(1, "503", "soon");
    StepVerifier.create(fetcher.fetch(flaky.url(), TEXT)).expectNext("ok 2").expectComplete().verify(TIMEOUT);
  }

  @Test
  void readsRetryAfterValues() {
    assertThat(RetryPolicy.retryAfter("0")).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.retryAfter(" 7 ")).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.retryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(100)))).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(100));
    assertThat(RetryPolicy.retryAfter("-1")).isNull();
    assertThat(RetryPolicy.retryAfter("")).isNull();
    assertThat(RetryPolicy.retryAfter("99999999999999999999")).isGreaterThan(Duration.ofDays(365));
  }

  @Test
  void nothingIsRetriedOnceTheBodyReachedTheHandler() {
    String path = "/breaks-off-" + System.nanoTime();
    AtomicInteger requests = new AtomicInteger();
    server.route(path, (request, response) -> {
      requests.incrementAndGet();
      return response.sendString(Flux.concat(Mono.just("part;"), Mono.error(new IllegalStateException("server broke"))));
    });
    StepVerifier.create(fetcher.fetch(server.url(path), (info, body) -> body.map(b -> new String(b, StandardCharsets.UTF_8))))
        .expectNext("part;")
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class).hasMessageContaining(server.url(path))
            .hasMessageNotContaining("attempts"))
        .verify(TIMEOUT);
    assertThat(requests).hasValue(1);
  }

  @Test
  void retriesAreBoundedByTheDeadline() {
    Flaky flaky = Flaky.failing(5, "503", "");
    try (HttpFetcher patient = new HttpFetcher(HttpFetcherConfig.defaults()
        .withRetryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(5))
        .withDeadline(Duration.ofMillis(300)))) {
      StepVerifier.create(patient.fetch(flaky.url(), TEXT))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
              .hasMessage("cannot read " + flaky.url() + ": not finished within 300 ms (deadline)"))
          .verify(TIMEOUT);
    }
    assertThat(server.hits(flaky.path())).isEqualTo(1);
  }
}
