package riko.examples;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code bin/riko demo}: runs examples 1 to 5 in sequence (or the ones named by number, 1 to 8),
 * each against its own {@link ExampleServer} on 127.0.0.1, and prints for each a header, its
 * result and what it fetched:
 *
 * <pre>
 * 2. Crime statistics: fetchdata -&gt; filter (province is GP) -&gt; sort (incidents desc) -&gt; truncate 5
 *    1. Honeydew               1987  Burglary at residential premises (GP, 2016)
 *    ...
 *    fetched 1 source over HTTP from 127.0.0.1:40125, 1 in flight at most, 35 ms
 * </pre>
 *
 * <p>Exit status 0, 1 when an example failed (its error is printed and the others still run), 2
 * for a usage error.
 */
public final class Demo {

  /** The examples run when none is named. */
  public static final List<Integer> DEFAULT_EXAMPLES = List.of(1, 2, 3, 4, 5);

  /** How long the collection examples' server holds each response back, so that concurrency shows. */
  public static final Duration COLLECTION_DELAY = Duration.ofMillis(300);

  private static final List<Example> EXAMPLES = List.of(
      new Example("Word count", "fetchpage -> strreplace -> tokenizer -> strtransform (lower) -> count",
          Duration.ZERO, server -> WordCount.run(server).lines()),
      new Example("Crime statistics", "fetchdata -> filter (province is GP) -> sort (incidents desc) -> truncate 5",
          Duration.ZERO, server -> CrimeStats.run(server).lines()),
      new Example("Join", "crimes join stations (police_station = station) -> sum incidents per municipality",
          Duration.ZERO, server -> JoinStations.run(server).lines()),
      new Example("AsyncCollection", "two feeds fetched at once, consumed as a reactive stream",
          COLLECTION_DELAY, server -> ConcurrentFeeds.run(server).lines()),
      new Example("SyncCollection", "three feeds fetched in parallel, handed to blocking code as a List",
          COLLECTION_DELAY, server -> LegacyHeadlines.run(server).lines()),
      new Example("fetchsitefeed", "a page -> the feed it advertises -> its entries",
          Duration.ZERO, server -> SiteFeed.run(server).lines()),
      new Example("Pipeline file", "pipelines/gp-top-stations.json, and example 2's pipe built in Java",
          Duration.ZERO, server -> PipelineFile.run(server).lines()),
      new Example("Custom module", "fetch -> readingtime, a module registered through ServiceLoader",
          Duration.ZERO, server -> CustomModule.run(server).lines()));

  /** One example as the demo runs it. */
  private record Example(String title, String flow, Duration delay, Function<ExampleServer, List<String>> body) {}

  private Demo() {}

  /** Runs the demo and exits with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs the examples numbered in {@code args} (all of 1 to 5 when there are none), printing to
   * {@code out}, and returns the exit status.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Set<Integer> chosen = new LinkedHashSet<>();
    for (String arg : args) {
      if (arg.equals("-h") || arg.equals("--help")) {
        out.println(usage());
        return 0;
      }
      try {
        int number = Integer.parseInt(arg);
        if (number < 1 || number > EXAMPLES.size()) {
          throw new NumberFormatException(arg);
        }
        chosen.add(number);
      } catch (NumberFormatException e) {
        err.println("riko demo: no example " + arg + "\n" + usage());
        return 2;
      }
    }
    if (chosen.isEmpty()) {
      chosen.addAll(DEFAULT_EXAMPLES);
    }
    out.println("riko-java demo: each example fetches bundled files over real HTTP from its own server on 127.0.0.1");
    long start = System.nanoTime();
    int failed = 0;
    for (int number : chosen) {
      out.println();
      if (!runOne(number, EXAMPLES.get(number - 1), out)) {
        failed++;
      }
    }
    out.println();
    out.printf("%d example%s in %.1f s%s. The code: riko-examples/src/main/java/riko/examples/ (README.md, \"Examples\").%n",
        chosen.size(), chosen.size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9,
        failed == 0 ? "" : ", " + failed + " FAILED");
    return failed == 0 ? 0 : 1;
  }

  private static boolean runOne(int number, Example example, PrintWriter out) {
    out.println(number + ". " + example.title() + ": " + example.flow());
    out.flush();
    try (ExampleServer server = ExampleServer.start(example.delay())) {
      long start = System.nanoTime();
      List<String> lines;
      try {
        lines = example.body().apply(server);
      } catch (RuntimeException e) {
        out.println("   FAILED: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
        return false;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      lines.forEach(line -> out.println("   " + line));
      out.println("   " + summary(server, millis));
      out.flush();
      return true;
    }
  }

  /** {@code fetched 2 sources over HTTP from 127.0.0.1:PORT, 2 in flight at most, 48 ms}. */
  static String summary(ExampleServer server, long millis) {
    int requests = server.requests();
    String held = server.delay().isZero() ? "" : " (each answer held back " + server.delay().toMillis() + " ms)";
    return "fetched " + requests + (requests == 1 ? " source" : " sources") + " over HTTP from " + server.address()
        + held + ", " + server.maxInFlight() + " in flight at most, " + millis + " ms";
  }

  private static String usage() {
    List<String> lines = new ArrayList<>();
    lines.add("usage: bin/riko demo [N...]   runs examples 1-5, or the ones numbered N:");
    for (int i = 0; i < EXAMPLES.size(); i++) {
      lines.add(String.format("  %d  %-17s %s", i + 1, EXAMPLES.get(i).title(), EXAMPLES.get(i).flow()));
    }
    return String.join("\n", lines);
  }
}
