package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.item.Item;
import riko.pipe.Pipe;
import riko.pipeline.Pipeline;
import riko.reactive.collection.AsyncCollection;
import riko.reactive.collection.SyncCollection;
import riko.reactive.http.FileFetcher;
import riko.reactive.http.HttpFetcher;
import riko.reactive.http.HttpFetcherConfig;
import riko.reactive.http.StandardFetcher;
import riko.spi.ModuleContext;
import riko.spi.UserFunction;
import riko.value.Cast;

/**
 * The README's Java snippets, run against an {@link ExampleServer}. The snippets' code is written
 * here line for line; {@link #everyReadmeSnippetIsRunHere} fails when a README line drifts from
 * it (lines naming an example URL or path are exempt: here they name the local server). The
 * README's sample of the demo output is checked against a real run too.
 */
@Timeout(60)
class ReadmeSnippetsTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF = Path.of("src", "test", "java", "riko", "examples", "ReadmeSnippetsTest.java");

  private static ExampleServer server;

  /** Stands in for the snippets' SLF4J logger, keeping what they log. */
  private static final class Log {
    final List<String> lines = new CopyOnWriteArrayList<>();

    void info(String format, Object... args) {
      lines.add(String.format(format.replace("{}", "%s"), args));
    }

    void warn(String message) {
      lines.add(message);
    }
  }

  @BeforeAll
  static void startServer() {
    server = ExampleServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** What {@code body} prints on {@code System.out}. */
  private static List<String> printed(Runnable body) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void asyncFace() {
    Log log = new Log();
    String url = server.url("crimes.json");
    Flux<Item> top5 = Pipe.of("fetchdata", Map.of("url", url, "path", "crimes"))
        .filter(Map.of("rule", Map.of("field", "province", "op", "is", "value", "GP")))
        .sort(Map.of("rule", Map.of("field", "incidents", "dir", "desc")))
        .truncate(5)
        .flux();
    top5.subscribe(item -> log.info("{}: {} incidents", item.get("police_station"), item.get("incidents")));

    StepVerifier.create(top5.map(item -> item.get("police_station")))
        .expectNext("Honeydew", "Johannesburg Central", "Johannesburg Central", "Pretoria Central", "Midrand")
        .expectComplete()
        .verify(Duration.ofSeconds(20));
    // The subscription above runs on its own: wait for its five lines.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (log.lines.size() < 5 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(10_000_000);
    }
    assertThat(log.lines).hasSize(5).first().isEqualTo("Honeydew: 1987 incidents");
  }

  @Test
  void blockingFace() {
    List<String> out = printed(() -> {
      List<Item> entries = SyncCollection.of(
              Map.of("url", server.url("news.xml")),
              Map.of("url", server.url("events.xml")),
              Map.of("url", server.url("notes.json")))
          .withParallel(true)
          .withOrdered(true)
          .toList();
      for (Item entry : entries) {
        System.out.println(entry.get("title"));
      }
    });
    assertThat(out).hasSize(9).startsWith("Collections fetch many sources at once").endsWith("0.1.0: the first release");
  }

  @Test
  void pipelineFile() {
    List<Item> items = Pipeline.load(Path.of("pipelines", "top-scorers.json"))
        .withContext(ModuleContext.defaults().withDataDirectory(Path.of("data")))
        .toList();
    assertThat(items).extracting(item -> item.get("label"))
        .containsExactly("Carlos Díaz (Boston)", "Erin Brown (Boston)", "Alice Smith (Boston)");
  }

  @Test
  void asyncCollection() {
    Log log = new Log();
    AsyncCollection news = AsyncCollection.of(List.of(
            Map.of("url", server.url("news.xml")),
            Map.of("url", server.url("missing.json"), "type", "fetchdata", "path", "value.items")))
        .withConnections(8)
        .withPerHostLimit(2)
        .onSourceError(failure -> log.warn(failure.message()));

    Flux<Item> asTheyArrive = news.fetch();
    Flux<Item> bySource = news.fetchInOrder();
    Flux<Item> latest = news.pipe("sort", Map.of("rule", Map.of("field", "pubDate", "dir", "desc"))).flux();

    StepVerifier.create(asTheyArrive).expectNextCount(4).expectComplete().verify(Duration.ofSeconds(20));
    StepVerifier.create(bySource.map(item -> item.get("title")))
        .expectNext("Collections fetch many sources at once").expectNextCount(3).expectComplete()
        .verify(Duration.ofSeconds(20));
    StepVerifier.create(latest.map(item -> item.get("title")).collectList())
        .assertNext(titles -> assertThat(titles).containsExactly("Collections fetch many sources at once",
            "Pipelines run from the command line", "Feeds are read the way riko reads them", "First release"))
        .expectComplete()
        .verify(Duration.ofSeconds(20));
    assertThat(log.lines).hasSize(3).allSatisfy(message -> assertThat(message)
        .startsWith("collection source [1] (fetchdata " + server.url("missing.json") + ")").contains("404"));
  }

  @Test
  void userFunctions(@TempDir Path dir) throws IOException {
    List<Item> items = List.of(Item.of("x", 0L), Item.of("x", 1L), Item.of("x", 2L));
    List<Item> out = Pipe.from(items)
        .udf(item -> Map.of("y", Cast.toInt(item.get("x")) + 3))             // {"x": 0} -> {"y": 3}
        .aggregate(all -> all.filter(item -> Cast.toInt(item.get("y")) > 3))
        .toList();
    assertThat(out).containsExactly(Item.of("y", 4L), Item.of("y", 5L));

    Path file = dir.resolve("plus3.json");
    Files.writeString(file, """
        {"modules": [
          {"id": "sw-1", "type": "itembuilder", "conf": {"attrs": {"key": "x", "value": {"type": "int", "value": "4"}}}},
          {"id": "sw-2", "type": "udf", "func": "plus3", "conf": {}},
          {"id": "_OUTPUT", "type": "output", "conf": {}}],
         "wires": [
          {"id": "_w1", "src": {"id": "_OUTPUT", "moduleid": "sw-1"}, "tgt": {"id": "_INPUT", "moduleid": "sw-2"}},
          {"id": "_w2", "src": {"id": "_OUTPUT", "moduleid": "sw-2"}, "tgt": {"id": "_INPUT", "moduleid": "_OUTPUT"}}]}
        """);
    assertThatThrownBy(() -> Pipeline.load(file).toList())
        .hasMessageContaining("udf").hasMessageContaining("'plus3'").hasMessageContaining("withFunction");
    List<Item> plus3 = Pipeline.load(file)
        .withContext(ModuleContext.defaults().withFunction("plus3", UserFunction.perItem(item -> Map.of("y", Cast.toInt(item.get("x")) + 3))))
        .toList();
    assertThat(plus3).containsExactly(Item.of("y", 7L));
  }

  @Test
  void syncCollection() {
    List<String> out = printed(() -> {
      SyncCollection people = SyncCollection.of(
              Map.of("url", server.url("people.json"), "type", "fetchdata", "path", "people"),
              Map.of("url", server.url("people.json"), "type", "fetchdata", "path", "people"))
          .withParallel(true)
          .withOrdered(true);

      List<Item> all = people.toList();
      assertThat(all).hasSize(12);
      for (Item item : people.toIterable()) { System.out.println(item.get("name")); }
      try (Stream<Item> items = people.stream()) { items.limit(5).forEach(System.out::println); }
      long n = (Long) people.pipe("count").toList().get(0).get("count");
      assertThat(n).isEqualTo(12);
    });
    assertThat(out).hasSize(12 + 5);
    assertThat(out.subList(0, 12)).containsExactly("Alice Smith", "Bob Jones", "Zoë Ångström", "Carlos Díaz", "Dana Lee",
        "Erin Brown", "Alice Smith", "Bob Jones", "Zoë Ångström", "Carlos Díaz", "Dana Lee", "Erin Brown");
    assertThat(out.get(12)).contains("Alice Smith");
  }

  @Test
  void httpFetcherConfig() {
    HttpFetcherConfig config = HttpFetcherConfig.defaults()
        .withMaxConnectionsPerHost(8)
        .withResponseTimeout(Duration.ofSeconds(10))
        .withMaxResponseBytes(256L * 1024 * 1024)
        .withRetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(10))
        .withHeaders(Map.of("Accept-Language", "en"));

    try (HttpFetcher http = new HttpFetcher(config)) {
      ModuleContext context = ModuleContext.defaults()
          .withFetcher(new StandardFetcher(http, new FileFetcher(Path.of("data"))));
      // Over HTTP through this fetcher, and a bare name read by its FileFetcher from data/.
      assertThat(CrimeStats.pipe(server.url("crimes.json")).withContext(context).toList()).hasSize(5);
      assertThat(CrimeStats.pipe("crimes.json").withContext(context).toList()).hasSize(5);
    }
  }

  @Test
  void everyReadmeSnippetIsRunHere() throws IOException {
    String self = Files.readString(SELF);
    List<String> code = self.lines().map(ReadmeSnippetsTest::codeOf).filter(line -> !line.isEmpty()).toList();
    List<String> snippets = javaBlocks(Files.readString(README));
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(6);
    List<String> missing = new ArrayList<>();
    for (String snippet : snippets) {
      for (String line : snippet.lines().toList()) {
        if (line.contains("\"https://example.org") || line.contains("\"riko-examples/")) {
          continue;
        }
        String wanted = codeOf(line);
        if (!wanted.isEmpty() && !wanted.equals("}") && code.stream().noneMatch(have -> have.contains(wanted))) {
          missing.add(wanted);
        }
      }
    }
    assertThat(missing).as("README snippet lines that ReadmeSnippetsTest does not run").isEmpty();
  }

  @Test
  void readmeShowsTheDemoAsItRuns() throws IOException {
    String readme = Files.readString(README);
    Matcher sample = Pattern.compile("```text\n(riko-java demo:.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(sample.find()).as("the README shows the demo's output").isTrue();
    StringWriter out = new StringWriter();
    assertThat(Demo.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))).isZero();
    assertThat(comparable(sample.group(1))).isEqualTo(comparable(out.toString()));
  }

  /**
   * The demo's lines, without the entry titles whose order varies, ports, timings and the sources in
   * flight (SyncCollection's parallel mode fetches two at once on one core) blanked out.
   */
  private static List<String> comparable(String output) {
    return output.lines()
        .filter(line -> !line.startsWith("     "))
        .map(line -> line.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
            .replaceAll(", \\d+ ms$", ", N ms")
            .replaceAll("\\d+ in flight at most", "N in flight at most")
            .replaceAll("examples in \\d+\\.\\d s", "examples in N s"))
        .toList();
  }

  /** The code of a line: no {@code //} comment, no surrounding whitespace. */
  private static String codeOf(String line) {
    int comment = line.indexOf("// ");
    return (comment < 0 ? line : line.substring(0, comment)).strip();
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }
}
