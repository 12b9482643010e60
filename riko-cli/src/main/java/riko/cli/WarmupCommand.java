package riko.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import riko.item.Item;
import riko.json.ItemJson;
import riko.pipeline.Pipeline;

/**
 * {@code riko warmup} (hidden): runs a pipeline that reads JSON, a feed, CSV and text over HTTP
 * from an embedded server on 127.0.0.1, so that {@code bin/riko} can record every class a real
 * run loads in its class-data sharing archive. Prints how many items it read.
 */
@Command(name = "warmup", hidden = true,
    description = "Exercise the HTTP stack and the fetching modules once (used to build the class-data sharing archive).")
final class WarmupCommand implements Callable<Integer> {

  private static final int SOURCES = 8;

  private static final String FEED = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>t</title>
      <item><title>one</title><link>http://example.org/1</link><pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate></item>
      </channel></rss>
      """;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
        .route(routes -> routes
            .get("/index.json", (request, response) -> send(response, "application/json", index(request)))
            .get("/items.json", (request, response) -> send(response, "application/json", "{\"items\": [{\"n\": 1}, {\"n\": 2}]}"))
            .get("/feed.xml", (request, response) -> send(response, "application/rss+xml", FEED))
            .get("/table.csv", (request, response) -> send(response, "text/csv; charset=utf-8", "a,b\n1,2\n"))
            .get("/lines.txt", (request, response) -> send(response, "text/plain; charset=utf-8", "x\ny\n")))
        .bindNow();
    Path pipeline = Files.createTempFile("riko-warmup", ".json");
    try {
      int count = 0;
      for (String definition : pipelines("http://127.0.0.1:" + server.port())) {
        Files.writeString(pipeline, definition, StandardCharsets.UTF_8);
        for (Item item : Pipeline.load(pipeline).toIterable()) {
          ItemJson.toJson(item);
          count++;
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("warmed up: " + count + " items");
      out.flush();
      return 0;
    } finally {
      Files.deleteIfExists(pipeline);
      server.disposeNow();
    }
  }

  private static String index(HttpServerRequest request) {
    String base = "http://" + request.requestHeaders().get("Host");
    return IntStream.range(0, SOURCES)
        .mapToObj(i -> "{\"url\": \"" + base + "/items.json?" + i + "\"}")
        .collect(Collectors.joining(", ", "{\"sources\": [", "]}"));
  }

  private static Mono<Void> send(HttpServerResponse response, String type, String body) {
    return response.header("Content-Type", type).sendString(Mono.just(body)).then();
  }

  /** Bare-bones DAGs: a fetchdata index fanning out to fetchdata per item, a feed, a CSV file, a text file. */
  private static List<String> pipelines(String base) {
    return List.of(
        chain("{\"type\": \"fetchdata\", \"conf\": {\"url\": \"" + base + "/index.json\", \"path\": \"sources\"}}",
            "{\"type\": \"fetchdata\", \"conf\": {\"url\": {\"subkey\": \"url\"}, \"path\": \"items\"}}",
            "{\"type\": \"sort\", \"conf\": {\"rule\": {\"field\": \"n\"}}}"),
        chain("{\"type\": \"fetch\", \"conf\": {\"url\": {\"type\": \"url\", \"value\": \"" + base + "/feed.xml\"}}}"),
        chain("{\"type\": \"csv\", \"conf\": {\"url\": \"" + base + "/table.csv\"}}"),
        chain("{\"type\": \"fetchtext\", \"conf\": {\"url\": \"" + base + "/lines.txt\"}}",
            "{\"type\": \"truncate\", \"conf\": {\"count\": 1}}"));
  }

  private static String chain(String... modules) {
    return "{\"modules\": [" + String.join(", ", modules) + "]}";
  }
}
