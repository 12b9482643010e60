package riko.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import riko.item.Item;
import riko.reactive.collection.SyncCollection;

/**
 * Example 5, {@link SyncCollection} (riko's talk): the adapter for blocking code. Three feeds are
 * fetched in parallel, and the caller gets a plain {@code List}, in source order, as any legacy
 * method would.
 *
 * <pre>{@code
 * List<String> headlines = new ArrayList<>();
 * for (Item entry : SyncCollection.of(Map.of("url", newsUrl), Map.of("url", eventsUrl), Map.of("url", notesUrl))
 *     .withParallel(true)          // fetch the three feeds at once
 *     .withOrdered(true)           // ...but hand them out in source order
 *     .toList()) {
 *   headlines.add(String.valueOf(entry.get("title")));
 * }
 * }</pre>
 *
 * <p>{@code toList()} blocks until every source is read (at most 5 minutes; {@code toList(Duration)}
 * sets another limit); {@code toIterable()} and {@code stream()} hand items out as they come.
 * Without {@code withParallel(true)} the sources are read one after the other, as riko's default.
 */
public final class LegacyHeadlines {

  private LegacyHeadlines() {}

  /** The entry titles of the three feeds, feed after feed. Blocking. */
  public static List<String> headlines(String newsUrl, String eventsUrl, String notesUrl) {
    List<String> headlines = new ArrayList<>();
    for (Item entry : SyncCollection.of(Map.of("url", newsUrl), Map.of("url", eventsUrl), Map.of("url", notesUrl))
        .withParallel(true)
        .withOrdered(true)
        .toList()) {
      headlines.add(String.valueOf(entry.get("title")));
    }
    return headlines;
  }

  /**
   * Fetches the bundled {@code news.xml} (RSS), {@code events.xml} (Atom) and {@code notes.json}
   * (JSON Feed) from {@code server}.
   */
  public static Result run(ExampleServer server) {
    return new Result(headlines(server.url("news.xml"), server.url("events.xml"), server.url("notes.json")));
  }

  /** Runs the example on its own server (each response held back 300 ms) and prints the result. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.start(Demo.COLLECTION_DELAY)) {
      run(server).lines().forEach(System.out::println);
    }
  }

  /**
   * The headlines.
   *
   * @param headlines the entry titles, feed after feed
   */
  public record Result(List<String> headlines) {

    /** Copies the list. */
    public Result {
      headlines = List.copyOf(headlines);
    }

    /** The result, for people. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(headlines.size() + " headlines from 3 feeds, as a List in source order; first and last:");
      if (!headlines.isEmpty()) {
        lines.add("  " + headlines.get(0));
        lines.add("  " + headlines.get(headlines.size() - 1));
      }
      return lines;
    }
  }
}
