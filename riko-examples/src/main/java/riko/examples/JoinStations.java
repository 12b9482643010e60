package riko.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riko.item.Item;
import riko.pipe.Pipe;

/**
 * Example 3, a join of two data sets (riko's talk): every crime record is joined to its police
 * station's record ({@code police_station} = {@code station}), which says which municipality the
 * station serves; the incidents are then added up per municipality.
 *
 * <pre>{@code
 * Pipe stations = Pipe.of("fetchdata", Map.of("url", stationsUrl, "path", "stations"));
 * Pipe perMunicipality = Pipe.of("fetchdata", Map.of("url", crimesUrl, "path", "crimes"))
 *     .join(Map.of("join_key", "police_station", "other_join_key", "station"), stations)
 *     .pipe("sum", Map.of("sum_key", "incidents", "group_key", "municipality"));
 * }</pre>
 *
 * <p>{@code join} is an inner join, like SQL's: a crime record whose station is not in
 * {@code stations.json} drops out. Each joined item holds the crime record's fields and the
 * station's. {@code sum} with {@code group_key} emits one item per municipality,
 * {@code {"City of Tshwane": 1389}}, in order of first appearance.
 */
public final class JoinStations {

  private JoinStations() {}

  /** The joined records: the crime records of {@code crimesUrl} with their station's fields. */
  public static Pipe joined(String crimesUrl, String stationsUrl) {
    Pipe stations = Pipe.of("fetchdata", Map.of("url", stationsUrl, "path", "stations"));
    return Pipe.of("fetchdata", Map.of("url", crimesUrl, "path", "crimes"))
        .join(Map.of("join_key", "police_station", "other_join_key", "station"), stations);
  }

  /** The incidents per municipality. */
  public static Pipe pipe(String crimesUrl, String stationsUrl) {
    return joined(crimesUrl, stationsUrl)
        .pipe("sum", Map.of("sum_key", "incidents", "group_key", "municipality"));
  }

  /** Joins the bundled {@code crimes.json} and {@code stations.json}, fetched from {@code server}. */
  public static Result run(ExampleServer server) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Item group : pipe(server.url("crimes.json"), server.url("stations.json")).toList()) {
      for (String municipality : group.keys()) {
        totals.put(municipality, ((Number) group.getKey(municipality)).longValue());
      }
    }
    return new Result(totals);
  }

  /** Runs the example on its own server and prints the result. */
  public static void main(String[] args) {
    try (ExampleServer server = ExampleServer.start()) {
      run(server).lines().forEach(System.out::println);
    }
  }

  /**
   * The incidents per municipality.
   *
   * @param incidents each municipality and its incidents, in order of first appearance
   */
  public record Result(Map<String, Long> incidents) {

    /** Copies the totals, keeping their order. */
    public Result {
      incidents = Collections.unmodifiableMap(new LinkedHashMap<>(incidents));
    }

    /** The result, for people. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      incidents.forEach((municipality, total) -> lines.add(String.format("%-21s %5d incidents", municipality, total)));
      return lines;
    }
  }
}
