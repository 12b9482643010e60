package riko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RikoCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int riko(String... args) {
    return RikoCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void runPrintsOneJsonObjectPerLine(@TempDir Path dir) throws Exception {
    Path pipeline = Files.writeString(dir.resolve("p.json"), """
        {"modules": [{"type": "forever", "conf": {}}, {"type": "truncate", "conf": {"count": 2}}]}
        """);
    assertThat(riko("run", pipeline.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("{\"forever\":true}\n{\"forever\":true}\n");
  }

  @Test
  void inputsReachInputModules(@TempDir Path dir) throws Exception {
    Path pipeline = Files.writeString(dir.resolve("p.json"), """
        {"modules": [{"type": "input", "conf": {"default": "x", "input_key": "who"}}]}
        """);
    assertThat(riko("run", pipeline.toString(), "--input", "who=Zoë")).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("\"Zoë\"\n");
  }

  @Test
  void errorsGoToStderrWithANonZeroStatus(@TempDir Path dir) throws Exception {
    Path pipeline = Files.writeString(dir.resolve("bad.json"), "{\"modules\": [{\"type\": \"nosuchmodule\", \"conf\": {}}]}");
    assertThat(riko("run", pipeline.toString())).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("nosuchmodule").contains("Known modules:");
  }

  @Test
  void aMissingFileIsAUsageError(@TempDir Path dir) {
    assertThat(riko("run", dir.resolve("nope.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not found");
  }

  @Test
  void concurrencyMustBePositive(@TempDir Path dir) throws Exception {
    Path pipeline = Files.writeString(dir.resolve("p.json"), "{\"modules\": [{\"type\": \"forever\", \"conf\": {}}]}");
    assertThat(riko("run", pipeline.toString(), "--concurrency", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--concurrency").contains("at least 1");
  }

  @Test
  void concurrencyIsAccepted(@TempDir Path dir) throws Exception {
    Path pipeline = Files.writeString(dir.resolve("p.json"), """
        {"modules": [{"type": "forever", "conf": {}}, {"type": "truncate", "conf": {"count": 1}}]}
        """);
    assertThat(riko("run", pipeline.toString(), "--concurrency", "4")).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("{\"forever\":true}\n");
  }

  @Test
  void modulesListsTheRegistry() {
    assertThat(riko("modules")).isZero();
    assertThat(out.toString()).contains("truncate").contains("operator").contains("composer");
  }

  @Test
  void warmupReadsEverySourceOverLocalHttp() {
    assertThat(riko("warmup")).as(err.toString()).isZero();
    // 8 sources x 2 items, 1 feed entry, 1 CSV row, 1 text line
    assertThat(out.toString()).isEqualTo("warmed up: 19 items\n");
  }

  @Test
  void helpDescribesTheCommands() {
    assertThat(riko("--help")).isZero();
    assertThat(out.toString()).contains("run").contains("modules").contains("bin/riko demo [N...]");
  }

  @Test
  void runsTheExamplesPipelineFileOnTheBundledData() {
    // README, example 7: bin/riko run riko-examples/pipelines/gp-top-stations.json --data-dir riko-examples/data
    assertThat(riko("run", "../riko-examples/pipelines/gp-top-stations.json", "--data-dir", "../riko-examples/data"))
        .as(err.toString()).isZero();
    assertThat(out.toString().lines().toList()).containsExactly(
        "{\"crime\":\"Burglary at residential premises\",\"incidents\":1987,\"police_station\":\"Honeydew\",\"province\":\"GP\",\"year\":2016}",
        "{\"crime\":\"Theft out of or from motor vehicle\",\"incidents\":1630,\"police_station\":\"Johannesburg Central\",\"province\":\"GP\",\"year\":2016}",
        "{\"crime\":\"Robbery with aggravating circumstances\",\"incidents\":1452,\"police_station\":\"Johannesburg Central\",\"province\":\"GP\",\"year\":2016}",
        "{\"crime\":\"Theft out of or from motor vehicle\",\"incidents\":1389,\"police_station\":\"Pretoria Central\",\"province\":\"GP\",\"year\":2016}",
        "{\"crime\":\"Burglary at residential premises\",\"incidents\":1240,\"police_station\":\"Midrand\",\"province\":\"GP\",\"year\":2016}");
  }
}
