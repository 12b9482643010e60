package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import riko.item.Item;
import riko.pipeline.Pipeline;
import riko.spi.ModuleContext;

@Timeout(30)
class PipelineFileTest {

  private static final List<String> TOP5 =
      List.of("Honeydew", "Johannesburg Central", "Johannesburg Central", "Pretoria Central", "Midrand");

  @Test
  void theFileAndTheJavaPipeGiveTheSameItems() {
    try (ExampleServer server = ExampleServer.start()) {
      PipelineFile.Result result = PipelineFile.run(server);

      assertThat(result.same()).isTrue();
      assertThat(new CrimeStats.Result(result.fromFile()).stations()).isEqualTo(TOP5);
      assertThat(server.requested()).containsExactly("/crimes.json", "/crimes.json");
      assertThat(result.lines()).first().asString()
          .isEqualTo("gp-top-stations.json: 5 items; the pipe built in Java: 5 items, the same");
    }
  }

  @Test
  void theFileOnDiskIsTheBundledOne() {
    try (ExampleServer server = ExampleServer.start()) {
      List<Item> fromDisk = Pipeline.load(Path.of("pipelines", PipelineFile.NAME))
          .withInputs(Map.of("url", server.url("crimes.json")))
          .toList();
      assertThat(fromDisk).isEqualTo(PipelineFile.pipeline().withInputs(Map.of("url", server.url("crimes.json"))).toList());
    }
  }

  @Test
  void withoutInputTheDefaultIsReadFromTheDataDirectory() {
    // What `bin/riko run riko-examples/pipelines/gp-top-stations.json --data-dir riko-examples/data` does.
    List<Item> items = Pipeline.load(Path.of("pipelines", PipelineFile.NAME))
        .withContext(ModuleContext.defaults().withTest(true).withDataDirectory(Path.of("data").toAbsolutePath()))
        .toList();
    assertThat(new CrimeStats.Result(items).stations()).isEqualTo(TOP5);
  }
}
