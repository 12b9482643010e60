package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

@Timeout(30)
class ExampleServerTest {

  private record Reply(int status, String contentType, String body) {}

  private static Reply get(String url) {
    return HttpClient.create().get().uri(url)
        .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
            .map(text -> new Reply(response.status().code(), response.responseHeaders().get("Content-Type", ""), text)))
        .block(Duration.ofSeconds(10));
  }

  @Test
  void servesTheBundledFilesByNameWithTheirContentType() {
    try (ExampleServer server = ExampleServer.start()) {
      assertThat(server.url("crimes.json")).isEqualTo("http://127.0.0.1:" + server.port() + "/crimes.json");
      Reply crimes = get(server.url("crimes.json"));
      assertThat(crimes.status()).isEqualTo(200);
      assertThat(crimes.contentType()).isEqualTo("application/json");
      assertThat(crimes.body()).contains("\"police_station\": \"Honeydew\"");
      assertThat(get(server.url("news.xml")).contentType()).isEqualTo("application/xml");
      assertThat(get(server.url("words.html")).contentType()).isEqualTo("text/html; charset=utf-8");
      assertThat(server.requested()).containsExactly("/crimes.json", "/news.xml", "/words.html");
      assertThat(server.maxInFlight()).isEqualTo(1);
    }
  }

  @Test
  void htmlFilesLinkTheServerItself() {
    try (ExampleServer server = ExampleServer.start()) {
      assertThat(get(server.url("site.html")).body())
          .contains("href=\"http://" + server.address() + "/news.xml\"")
          .doesNotContain("{{server}}");
    }
  }

  @Test
  void unknownNamesAre404AndPathsOutsideTheDataAreRefused() {
    try (ExampleServer server = ExampleServer.start()) {
      assertThat(get(server.url("missing.json")).status()).isEqualTo(404);
      assertThat(get(server.url("..%2Fpipelines%2Fgp-top-stations.json")).status()).isEqualTo(404);
      assertThat(get(server.url("riko/examples/data/crimes.json")).status()).isEqualTo(404);
      Integer post = HttpClient.create().post().uri(server.url("crimes.json"))
          .response().map(response -> response.status().code()).block(Duration.ofSeconds(10));
      assertThat(post).isEqualTo(405);
    }
  }

  @Test
  void theDelayHoldsEachAnswerBackAndConcurrentRequestsAreCounted() {
    try (ExampleServer server = ExampleServer.start(Duration.ofMillis(300))) {
      long start = System.nanoTime();
      List<Integer> statuses = Flux.fromIterable(List.of("news.xml", "events.xml", "notes.json"))
          .flatMap(name -> Mono.fromCallable(() -> server.url(name))
              .flatMap(url -> HttpClient.create().get().uri(url).response().map(response -> response.status().code())))
          .collectList()
          .block(Duration.ofSeconds(10));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(statuses).containsOnly(200).hasSize(3);
      assertThat(millis).isGreaterThanOrEqualTo(300);
      assertThat(server.maxInFlight()).isEqualTo(3);
      assertThat(server.requests()).isEqualTo(3);
      assertThat(server.delay()).isEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertThatThrownBy(() -> ExampleServer.start(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delay");
  }
}
