package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SiteFeedTest {

  @Test
  void readsTheFeedThePageAdvertises() {
    try (ExampleServer server = ExampleServer.start()) {
      SiteFeed.Result result = SiteFeed.run(server);

      assertThat(result.titles()).containsExactly("Collections fetch many sources at once",
          "Pipelines run from the command line", "Feeds are read the way riko reads them", "First release");
      assertThat(server.requested()).containsExactly("/site.html", "/news.xml");
      assertThat(result.lines()).first().asString().isEqualTo("site.html advertises a feed of 4 entries:");
    }
  }
}
