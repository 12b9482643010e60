package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import riko.reactive.collection.SyncCollection;

@Timeout(30)
class LegacyHeadlinesTest {

  @Test
  void threeFeedsInParallelHandedOutInSourceOrder() {
    try (ExampleServer server = ExampleServer.start(Duration.ofMillis(500))) {
      LegacyHeadlines.Result result = LegacyHeadlines.run(server);

      assertThat(result.headlines()).containsExactly(
          "Collections fetch many sources at once",
          "Pipelines run from the command line",
          "Feeds are read the way riko reads them",
          "First release",
          "Meetup: reactive pipelines in Johannesburg",
          "Workshop: from Yahoo Pipes to Reactor",
          "Talk: stream processing without a cluster",
          "0.1.1: HTTP retries honour Retry-After",
          "0.1.0: the first release");
      assertThat(server.requested()).containsExactlyInAnyOrder("/news.xml", "/events.xml", "/notes.json");
      // Parallel mode fetches min(sources, cores x 2) sources at once: all three from two cores on.
      int workers = SyncCollection.ofUrls("a", "b", "c").withParallel(true).workers();
      assertThat(server.maxInFlight()).isEqualTo(Math.min(3, workers));
      assertThat(result.lines()).containsExactly("9 headlines from 3 feeds, as a List in source order; first and last:",
          "  Collections fetch many sources at once", "  0.1.0: the first release");
    }
  }
}
