package riko.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import riko.pipe.Pipe;

/**
 * Example 6, {@code fetchsitefeed} (riko's talk): given a web page, find the feed it advertises
 * ({@code <link rel="alternate" type="application/rss+xml" href="...">}) and read its entries.
 *
 * <pre>{@code
 * List<String> titles = Pipe.of("fetchsitefeed", Map.of("url", pageUrl)).toList().stream()
 *     .map(entry -> String.valueOf(entry.get("title")))
 *     .toList();
 * }</pre>
 *
 * <p>Two fetches: the page, then the first feed it links. As in riko, the link is not resolved
 * against the page's URL, so the bundled page ({@code site.html}) links its feed by an absolute
 * URL on the same server.
 */
public final class SiteFeed {

  private SiteFeed() {}

  /** The titles of the entries of the feed the page at {@code pageUrl} advertises. */
  public static List<String> titles(String pageUrl) {
    return Pipe.of("fetchsitefeed", Map.of("url", pageUrl)).toList().stream()
        .map(entry -> String.valueOf(entry.get("title")))
        .toList();
  }

  /** Reads the feed advertised by the bundled {@code site.html}, fetched from {@code server}. */
  public static Result run(ExampleServer server) {
    return new Result(titles(server.url("site.html")));
  }

  /** Runs the example on its own server and prints the result. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.start()) {
      run(server).lines().forEach(System.out::println);
    }
  }

  /**
   * The entries found.
   *
   * @param titles the titles of the advertised feed's entries, in feed order
   */
  public record Result(List<String> titles) {

    /** Copies the list. */
    public Result {
      titles = List.copyOf(titles);
    }

    /** The result, for people. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("site.html advertises a feed of " + titles.size() + " entries:");
      titles.forEach(title -> lines.add("  " + title));
      return lines;
    }
  }
}
