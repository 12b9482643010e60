package riko.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.pipe.Pipe;
import riko.registry.ModuleRegistry;

/**
 * Example 8, a module of your own: {@link ReadingTime} ({@code readingtime}) extends
 * {@link riko.spi.ProcessorModule} and is registered through {@link java.util.ServiceLoader} by one
 * line in {@code META-INF/services/riko.spi.RikoModule}; from then on it is used by name like any
 * built-in.
 *
 * <pre>{@code
 * List<Item> entries = Pipe.of("fetch", Map.of("url", feedUrl))
 *     .pipe("readingtime", Map.of("wpm", 180), CallOptions.none().withField("summary"))
 *     .toList();
 * }</pre>
 *
 * <p>The registry can also be built by hand, without ServiceLoader:
 * {@code ModuleRegistry.standard().toBuilder().add(new MyModule()).build()}, given to a pipe with
 * {@code Pipe.start().withRegistry(registry)}.
 */
public final class CustomModule {

  private CustomModule() {}

  /** The feed's entries, each with its summary's reading time at 180 words per minute. */
  public static Pipe pipe(String feedUrl) {
    return Pipe.of("fetch", Map.of("url", feedUrl))
        .pipe("readingtime", Map.of("wpm", 180), CallOptions.none().withField("summary"));
  }

  /** Reads the bundled {@code news.xml} from {@code server}. */
  public static Result run(ExampleServer server) {
    boolean registered = ModuleRegistry.standard().find("readingtime").isPresent();
    return new Result(registered, pipe(server.url("news.xml")).toList());
  }

  /** Runs the example on its own server and prints the result. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.start()) {
      run(server).lines().forEach(System.out::println);
    }
  }

  /**
   * The entries with their reading times.
   *
   * @param registered whether the standard registry found {@code readingtime} through ServiceLoader
   * @param entries the feed's entries, each with {@code readingtime}
   */
  public record Result(boolean registered, List<Item> entries) {

    /** Copies the list. */
    public Result {
      entries = List.copyOf(entries);
    }

    /** The result, for people. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("readingtime " + (registered ? "found by ServiceLoader" : "NOT registered") + "; summaries at 180 words a minute:");
      entries.forEach(entry -> lines.add(String.format("  %3s s  %s", entry.get("readingtime"), entry.get("title"))));
      return lines;
    }
  }
}
