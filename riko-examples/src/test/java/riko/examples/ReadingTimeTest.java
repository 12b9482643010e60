package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.pipe.Pipe;
import riko.pipeline.Pipeline;
import riko.pipeline.PipelineReader;

class ReadingTimeTest {

  private static Pipe texts(Object... contents) {
    return Pipe.from(List.of(contents));
  }

  @Test
  void secondsAtTheDefaultSpeedAssignedUnderReadingtime() {
    // 200 words a minute: 10 words are 3 seconds, rounded up from 3.0; 11 words 3.3 -> 4.
    List<Item> items = texts("a b c d e f g h i j", "a b c d e f g h i j k").pipe("readingtime").toList();
    assertThat(items).extracting(item -> item.get("readingtime")).containsExactly(3L, 4L);
    assertThat(items.get(0).get("content")).isEqualTo("a b c d e f g h i j");
  }

  @Test
  void wpmFieldAndAssign() {
    Item item = Pipe.from(Flux.just(Item.of(Map.of("summary", "one  two\nthree "))))
        .pipe("readingtime", Map.of("wpm", 60), CallOptions.none().withField("summary").withAssign("seconds"))
        .toList().get(0);
    assertThat(item.get("seconds")).isEqualTo(3L);
    assertThat(item.get("readingtime")).isNull();
  }

  @Test
  void emptyAndMissingTextsTakeNoTime() {
    List<Item> items = Pipe.from(Flux.just(Item.of(Map.of("content", "   ")), Item.of(Map.of("other", 1))))
        .pipe("readingtime").toList();
    assertThat(items).extracting(item -> item.get("readingtime")).containsExactly(0L, 0L);
    assertThat(ReadingTime.seconds("", 200)).isZero();
    assertThat(ReadingTime.seconds("word", 1)).isEqualTo(60);
  }

  @Test
  void aStaticWpmBelowOneFailsAtAssembly() {
    assertThatThrownBy(() -> texts("x").pipe("readingtime", Map.of("wpm", 0)))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("readingtime").hasMessageContaining("wpm");
  }

  @Test
  void aDynamicWpmBelowOneFailsWhenTheItemIsProcessed() {
    Flux<Item> items = Pipe.from(Flux.just(Item.of(Map.of("content", "a b", "speed", 120)),
            Item.of(Map.of("content", "a b", "speed", -5))))
        .pipe("readingtime", Map.of("wpm", Map.of("subkey", "speed")))
        .flux();
    StepVerifier.create(items.map(item -> item.get("readingtime")))
        .expectNext(1L)
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("wpm"))
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void usableByNameInAPipelineDefinition() {
    List<Item> items = Pipeline.of(PipelineReader.parse("reading", """
        {"modules": [
          {"type": "itembuilder", "conf": {"attrs": [{"key": "summary", "value": "one two three four"}]}},
          {"type": "readingtime", "conf": {"wpm": 120}, "field": "summary"}
        ]}
        """)).toList();
    assertThat(items).extracting(item -> item.get("readingtime")).containsExactly(2L);
  }
}
