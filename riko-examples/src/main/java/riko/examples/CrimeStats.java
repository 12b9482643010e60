package riko.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import riko.item.Item;
import riko.pipe.Pipe;

/**
 * Example 2, crime statistics (riko's talk): fetch a JSON data set, keep the records of one
 * province, sort them by the number of incidents and keep the top five.
 *
 * <pre>{@code
 * Pipe top5 = Pipe.of("fetchdata", Map.of("url", url, "path", "crimes"))
 *     .filter(Map.of("rule", Map.of("field", "province", "op", "is", "value", "GP")))
 *     .sort(Map.of("rule", Map.of("field", "incidents", "dir", "desc")))
 *     .truncate(5);
 * }</pre>
 *
 * <p>The data set ({@code crimes.json}) holds records shaped like the talk's: {@code crime},
 * {@code incidents}, {@code police_station}, {@code province}, {@code year}. {@code fetchdata}
 * streams the array at {@code path} record by record as the body arrives; {@code sort} waits for
 * the last one.
 */
public final class CrimeStats {

  private CrimeStats() {}

  /** The pipe, reading the data set at {@code url}. */
  public static Pipe pipe(String url) {
    return Pipe.of("fetchdata", Map.of("url", url, "path", "crimes"))
        .filter(Map.of("rule", Map.of("field", "province", "op", "is", "value", "GP")))
        .sort(Map.of("rule", Map.of("field", "incidents", "dir", "desc")))
        .truncate(5);
  }

  /** The five Gauteng records with the most incidents, from the bundled {@code crimes.json}. */
  public static Result run(ExampleServer server) {
    return new Result(pipe(server.url("crimes.json")).toList());
  }

  /** Runs the example on its own server and prints the result. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.start()) {
      run(server).lines().forEach(System.out::println);
    }
  }

  /**
   * The top records.
   *
   * @param top the records, most incidents first
   */
  public record Result(List<Item> top) {

    /** Copies the list. */
    public Result {
      top = List.copyOf(top);
    }

    /** The police stations of the records, in order. */
    public List<String> stations() {
      return top.stream().map(item -> String.valueOf(item.get("police_station"))).toList();
    }

    /** The result, for people. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < top.size(); i++) {
        Item item = top.get(i);
        lines.add(String.format("%d. %-21s %5s  %s (%s, %s)", i + 1, item.get("police_station"), item.get("incidents"),
            item.get("crime"), item.get("province"), item.get("year")));
      }
      return lines;
    }
  }
}
