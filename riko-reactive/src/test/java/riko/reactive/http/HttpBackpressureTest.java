package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import riko.reactive.testing.LocalHttpServer;

/** The response timeout measures the server's silence, not the consumer's. */
class HttpBackpressureTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Duration SILENCE = Duration.ofMillis(300);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher fetcher = new HttpFetcher(HttpFetcherConfig.defaults().withResponseTimeout(SILENCE));

  @AfterAll
  static void close() {
    fetcher.close();
  }

  @Test
  void aConsumerThatStopsAskingIsNotTakenForASilentServer() {
    // 4 MB cannot all sit in socket buffers: the client stops reading while the consumer waits
    StepVerifier.create(fetcher.fetch(server.url("/bytes/4000000"), (info, body) -> body.map(chunk -> chunk.length)), 1)
        .expectNextCount(1)
        .thenAwait(SILENCE.multipliedBy(4))
        .thenRequest(Long.MAX_VALUE)
        .thenConsumeWhile(length -> true)
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void aServerThatFallsSilentMidBodyStillTimesOut() {
    server.route("/silent-after-one-chunk", (request, response) -> response
        .header("Content-Type", "text/plain")
        .sendString(Flux.concat(Mono.just("first chunk"), Mono.never())));
    String url = server.url("/silent-after-one-chunk");
    StepVerifier.create(fetcher.fetch(url, (info, body) -> body.map(chunk -> chunk.length)))
        .expectNext(11)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(FetchException.class)
            .hasMessageStartingWith("cannot read " + url).hasMessageContaining("responseTimeout"))
        .verify(TIMEOUT);
  }
}
