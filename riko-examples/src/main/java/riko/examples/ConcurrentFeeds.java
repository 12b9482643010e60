package riko.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import riko.reactive.collection.AsyncCollection;

/**
 * Example 4, {@link AsyncCollection} (riko's talk): two feeds fetched at the same time, their
 * entries merged into one reactive stream as they arrive.
 *
 * <pre>{@code
 * Mono<List<String>> titles = AsyncCollection.of(Map.of("url", newsUrl), Map.of("url", eventsUrl))
 *     .fetch()                                         // both feeds at once, entries as they arrive
 *     .map(entry -> String.valueOf(entry.get("title")))
 *     .collectList();
 * }</pre>
 *
 * <p>Each source map names a URL and, optionally, the module that reads it ({@code type}, default
 * {@code fetch}, which reads RSS, Atom and JSON Feed). Nothing is fetched until the stream is
 * subscribed; a reactive service returns the {@code Mono} (or the {@code Flux}) to its framework,
 * and only this example's {@code run} blocks, once, at the very end.
 */
public final class ConcurrentFeeds {

  private ConcurrentFeeds() {}

  /** The entry titles of both feeds, in the order they arrive. */
  public static Mono<List<String>> titles(String newsUrl, String eventsUrl) {
    return AsyncCollection.of(Map.of("url", newsUrl), Map.of("url", eventsUrl))
        .fetch()
        .map(entry -> String.valueOf(entry.get("title")))
        .collectList();
  }

  /** Fetches the bundled {@code news.xml} (RSS) and {@code events.xml} (Atom) from {@code server}. */
  public static Result run(ExampleServer server) {
    List<String> titles = titles(server.url("news.xml"), server.url("events.xml")).block(Duration.ofSeconds(30));
    return new Result(titles == null ? List.of() : titles);
  }

  /** Runs the example on its own server (each response held back 300 ms) and prints the result. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.start(Demo.COLLECTION_DELAY)) {
      run(server).lines().forEach(System.out::println);
    }
  }

  /**
   * The merged entries.
   *
   * @param titles the entry titles, in order of arrival (each feed's entries in feed order)
   */
  public record Result(List<String> titles) {

    /** Copies the list. */
    public Result {
      titles = List.copyOf(titles);
    }

    /** The result, for people. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(titles.size() + " entries from 2 feeds, merged as they arrived; the first three:");
      titles.stream().limit(3).forEach(title -> lines.add("  " + title));
      return lines;
    }
  }
}
