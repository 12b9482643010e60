package riko.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import riko.item.Item;
import riko.pipeline.Pipeline;
import riko.pipeline.PipelineReader;

/**
 * Example 7, a pipeline definition file: example 2's pipe written as riko JSON
 * ({@code riko-examples/pipelines/gp-top-stations.json}, a bare-bones DAG: modules chained in
 * listing order), run from the command line and from Java, with the same items as the pipe built
 * in Java ({@link CrimeStats#pipe}).
 *
 * <pre>{@code
 * bin/riko run riko-examples/pipelines/gp-top-stations.json --data-dir riko-examples/data
 * bin/riko run riko-examples/pipelines/gp-top-stations.json --input url=https://example.org/crimes.json
 * }</pre>
 * <pre>{@code
 * List<Item> top5 = Pipeline.load(Path.of("riko-examples/pipelines/gp-top-stations.json"))
 *     .withInputs(Map.of("url", url))
 *     .toList();
 * }</pre>
 *
 * <p>The file starts with an {@code input} module (key {@code url}, default {@code crimes.json},
 * a bare name read from the data directory); {@code fetchdata} reads its URL from the input's
 * value ({@code {"subkey": "content"}}). This class reads the file from the class path (it is
 * bundled in the jar under {@code riko/examples/pipelines/}).
 */
public final class PipelineFile {

  /** The pipeline file's name. */
  public static final String NAME = "gp-top-stations.json";

  private PipelineFile() {}

  /** The bundled pipeline definition, ready to run. */
  public static Pipeline pipeline() {
    try (InputStream in = PipelineFile.class.getClassLoader().getResourceAsStream("riko/examples/pipelines/" + NAME)) {
      if (in == null) {
        throw new IllegalStateException("the bundled pipeline " + NAME + " is not on the class path");
      }
      return Pipeline.of(PipelineReader.parse(NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled pipeline " + NAME, e);
    }
  }

  /** Runs the pipeline file and example 2's Java pipe on the bundled {@code crimes.json}, fetched from {@code server}. */
  public static Result run(ExampleServer server) {
    String url = server.url("crimes.json");
    List<Item> fromFile = pipeline().withInputs(Map.of("url", url)).toList();
    List<Item> fromJava = CrimeStats.pipe(url).toList();
    return new Result(fromFile, fromJava);
  }

  /** Runs the example on its own server and prints the result. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.start()) {
      run(server).lines().forEach(System.out::println);
    }
  }

  /**
   * The two runs.
   *
   * @param fromFile the items of the pipeline file
   * @param fromJava the items of the pipe built in Java
   */
  public record Result(List<Item> fromFile, List<Item> fromJava) {

    /** Copies the lists. */
    public Result {
      fromFile = List.copyOf(fromFile);
      fromJava = List.copyOf(fromJava);
    }

    /** Whether both runs gave the same items. */
    public boolean same() {
      return fromFile.equals(fromJava);
    }

    /** The result, for people. */
    public List<String> lines() {
      return List.of(NAME + ": " + fromFile.size() + " items; the pipe built in Java: " + fromJava.size() + " items, "
          + (same() ? "the same" : "DIFFERENT"),
          "stations: " + new CrimeStats.Result(fromFile).stations());
    }
  }
}
