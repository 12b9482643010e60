package riko.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import riko.item.Item;
import riko.json.ItemJson;
import riko.pipeline.Pipeline;
import riko.spi.ModuleContext;
import riko.spi.RikoException;

/**
 * {@code riko run PIPELINE.json}: runs a pipeline definition and prints every output item as
 * one line of JSON. Output is flushed at least every 100 ms, so endless pipelines stream.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a pipeline definition (riko's pipe-definition JSON or a bare-bones DAG) and print its items as JSON Lines.")
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PIPELINE.json", description = "The pipeline definition file.")
  private Path pipeline;

  @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE",
      description = "A user input for the pipeline's input modules, looked up by their input_key. Repeatable.")
  private Map<String, String> inputs = new LinkedHashMap<>();

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where riko's bundled data names (file://riko/data/NAME, or a bare NAME) are read from. "
          + "Default: $RIKO_DATA_DIR.")
  private @Nullable Path dataDir;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "How many items a source module whose URL comes from each item reads at once "
          + "(results stay in order). Default: ${DEFAULT-VALUE}.")
  private int concurrency = ModuleContext.DEFAULT_CONCURRENCY;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(pipeline)) {
      err.println("riko: pipeline file " + pipeline + " not found");
      return 2;
    }
    if (concurrency < 1) {
      err.println("riko: --concurrency must be at least 1, was " + concurrency);
      return 2;
    }
    ModuleContext context = ModuleContext.defaults().withTest(true).withInputs(inputs).withConcurrency(concurrency);
    Path data = dataDir != null ? dataDir : envDataDir();
    if (data != null) {
      context = context.withDataDirectory(data);
    }
    Writer out = spec.commandLine().getOut();
    ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "riko-stdout-flusher");
      t.setDaemon(true);
      return t;
    });
    flusher.scheduleWithFixedDelay(() -> flush(out), 100, 100, TimeUnit.MILLISECONDS);
    try {
      Iterator<Item> items = Pipeline.load(pipeline).withContext(context).toIterable().iterator();
      while (items.hasNext()) {
        String line = ItemJson.toJson(items.next());
        synchronized (out) {
          out.write(line);
          out.write('\n');
        }
      }
      return 0;
    } catch (RikoException e) {
      flush(out);
      err.println("riko: " + e.getMessage());
      return 1;
    } catch (IOException | UncheckedIOException e) {
      err.println("riko: cannot write output: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      flush(out);
      err.println("riko: " + describe(e));
      return 1;
    } finally {
      flusher.shutdownNow();
      flush(out);
    }
  }

  private static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof RikoException) && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
  }

  private static void flush(Writer out) {
    synchronized (out) {
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static @Nullable Path envDataDir() {
    String env = System.getenv("RIKO_DATA_DIR");
    return env == null || env.isBlank() ? null : Path.of(env);
  }
}
