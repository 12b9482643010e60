package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

@Timeout(30)
class ConcurrentFeedsTest {

  private static final List<String> NEWS = List.of("Collections fetch many sources at once",
      "Pipelines run from the command line", "Feeds are read the way riko reads them", "First release");
  private static final List<String> EVENTS = List.of("Meetup: reactive pipelines in Johannesburg",
      "Workshop: from Yahoo Pipes to Reactor", "Talk: stream processing without a cluster");

  @Test
  void bothFeedsAreFetchedAtOnceAndMerged() {
    try (ExampleServer server = ExampleServer.start(Duration.ofMillis(500))) {
      ConcurrentFeeds.Result result = ConcurrentFeeds.run(server);

      assertThat(result.titles()).hasSize(7).containsAll(NEWS).containsAll(EVENTS);
      assertThat(result.titles().stream().filter(NEWS::contains).toList()).isEqualTo(NEWS);
      assertThat(result.titles().stream().filter(EVENTS::contains).toList()).isEqualTo(EVENTS);
      assertThat(server.requested()).containsExactlyInAnyOrder("/news.xml", "/events.xml");
      assertThat(server.maxInFlight()).isEqualTo(2);
      assertThat(result.lines()).hasSize(4).first().asString().startsWith("7 entries from 2 feeds");
    }
  }

  @Test
  void nothingIsFetchedBeforeSubscription() {
    try (ExampleServer server = ExampleServer.start()) {
      var titles = ConcurrentFeeds.titles(server.url("news.xml"), server.url("events.xml"));
      assertThat(server.requests()).isZero();
      StepVerifier.create(titles).assertNext(list -> assertThat(list).hasSize(7)).expectComplete()
          .verify(Duration.ofSeconds(20));
      assertThat(server.requests()).isEqualTo(2);
    }
  }
}
