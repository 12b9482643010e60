package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.pipe.Pipe;
import riko.pipeline.Pipeline;
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
  void pipelineFile() {
    List<Item> items = Pipeline.load(Path.of("pipelines", "top-scorers.json"))
        .withContext(ModuleContext.defaults().withDataDirectory(DATA))
        .toList();
    assertThat(items).extracting(item -> item.get("label"))
        .containsExactly("Carlos Díaz (Boston)", "Erin Brown (Boston)", "Alice Smith (Boston)");
  }
}
