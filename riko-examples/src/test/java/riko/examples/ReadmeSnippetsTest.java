package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.pipe.Pipe;
import riko.pipeline.Pipeline;
import riko.reactive.collection.AsyncCollection;
import riko.reactive.collection.SyncCollection;
import riko.spi.ModuleContext;

/** The README's Java snippets, run against the bundled example data. */
class ReadmeSnippetsTest {

  private static final Path DATA = Path.of("data").toAbsolutePath();
  private static final String PEOPLE = DATA.resolve("people.json").toUri().toString();

  @Test
  void asyncFace() {
    Flux<Item> top = Pipe.of("fetchdata", Map.of("url", PEOPLE, "path", "people"))
        .filter(Map.of("rule", Map.of("field", "city", "op", "is", "value", "Boston")))
        .sort(Map.of("rule", Map.of("field", "score", "dir", "desc")))
        .truncate(2)
        .flux();
    StepVerifier.create(top.map(item -> item.get("name")))
        .expectNext("Carlos Díaz", "Erin Brown")
        .expectComplete()
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void blockingFace() {
    List<Item> items = Pipe.of("fetchdata", Map.of("url", PEOPLE, "path", "people"))
        .pipe("strtransform", Map.of("rule", Map.of("transform", "upper")), CallOptions.none().withField("name"))
        .toList();
    assertThat(items).extracting(item -> item.get("strtransform")).startsWith("ALICE SMITH", "BOB JONES");
  }

  @Test
  void asyncCollection() {
    List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    AsyncCollection news = AsyncCollection.of(List.of(
            Map.of("url", PEOPLE, "type", "fetchdata", "path", "people"),
            Map.of("url", DATA.resolve("missing.json").toUri().toString(), "type", "fetchdata", "path", "people")))
        .withConnections(8)
        .withPerHostLimit(2)
        .onSourceError(failure -> failures.add(failure.message()));

    StepVerifier.create(news.fetch()).expectNextCount(6).expectComplete().verify(Duration.ofSeconds(10));
    StepVerifier.create(news.fetchInOrder().map(item -> item.get("name")))
        .expectNext("Alice Smith").expectNextCount(5).expectComplete().verify(Duration.ofSeconds(10));
    Flux<Item> byScore = news.pipe("sort", Map.of("rule", Map.of("field", "score", "dir", "desc"))).flux();
    StepVerifier.create(byScore.map(item -> item.get("name")))
        .expectNext("Carlos Díaz").expectNextCount(5).expectComplete().verify(Duration.ofSeconds(10));
    assertThat(failures).hasSize(3).allSatisfy(message -> assertThat(message).contains("missing.json"));
  }

  @Test
  void syncCollection() {
    SyncCollection people = SyncCollection.of(
            Map.of("url", PEOPLE, "type", "fetchdata", "path", "people"),
            Map.of("url", PEOPLE, "type", "fetchdata", "path", "people"))
        .withParallel(true)
        .withOrdered(true);

    List<Item> all = people.toList();
    assertThat(all).hasSize(12);
    assertThat(people.toIterable()).extracting(item -> item.get("name")).containsExactlyElementsOf(
        all.stream().map(item -> item.get("name")).toList());
    try (Stream<Item> items = people.stream()) {
      assertThat(items.limit(5)).hasSize(5);
    }
    assertThat(people.pipe("count").toList().get(0).get("count")).isEqualTo(12L);
  }

  @Test
  void pipelineFile() {
    List<Item> items = Pipeline.load(Path.of("pipelines", "top-scorers.json"))
        .withContext(ModuleContext.defaults().withDataDirectory(DATA))
        .toList();
    assertThat(items).extracting(item -> item.get("label"))
        .containsExactly("Carlos Díaz (Boston)", "Erin Brown (Boston)", "Alice Smith (Boston)");
  }
}
