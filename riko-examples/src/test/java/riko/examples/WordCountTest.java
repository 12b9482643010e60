package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WordCountTest {

  @Test
  void countsTheWordsOfThePageBody() throws IOException {
    try (ExampleServer server = ExampleServer.start()) {
      WordCount.Result result = WordCount.run(server);

      assertThat(result.counts()).containsExactlyEntriesOf(countedByHand());
      assertThat(result.total()).isEqualTo(86);
      assertThat(result.counts()).hasSize(61).containsEntry("pipes", 9L).containsEntry("streams", 5L)
          .containsEntry("riko-java", 1L).doesNotContainKey("Pipes").doesNotContainKey("");
      assertThat(result.mostFrequent(2)).extracting(Map.Entry::getKey).containsExactly("pipes", "streams");
      assertThat(result.lines()).containsExactly("words.html: 86 words, 61 different",
          "most frequent: pipes 9, streams 5, items 3, into 3, a 3");
      assertThat(server.requested()).containsExactly("/words.html");
    }
  }

  @Test
  void theFlowIsLazyAndRunsAfreshOnEachSubscription() {
    try (ExampleServer server = ExampleServer.start()) {
      var pipe = WordCount.pipe(server.url("words.html"));
      assertThat(server.requests()).isZero();
      assertThat(pipe.toList(Duration.ofSeconds(20))).hasSize(61);
      assertThat(pipe.toList(Duration.ofSeconds(20))).hasSize(61);
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  /** The same count, done without riko: the body's text, tags out, split on whitespace. */
  private static Map<String, Long> countedByHand() throws IOException {
    String page;
    try (InputStream in = WordCountTest.class.getClassLoader().getResourceAsStream("riko/examples/data/words.html")) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String body = page.substring(page.indexOf("<body>") + 6, page.indexOf("</body>"));
    String text = body.replaceAll("<[^>]*>", " ").replace(".", "").replace(",", "");
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String word : List.of(text.strip().split("\\s+"))) {
      counts.merge(word.toLowerCase(Locale.ROOT), 1L, Long::sum);
    }
    return counts;
  }
}
