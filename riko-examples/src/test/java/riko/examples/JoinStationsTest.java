package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import riko.item.Item;

@Timeout(30)
class JoinStationsTest {

  @Test
  void incidentsPerMunicipalityOfTheJoinedRecords() {
    try (ExampleServer server = ExampleServer.start()) {
      JoinStations.Result result = JoinStations.run(server);

      // Johannesburg: 1452 + 1160 + 1987 + 1240 + 1075 + 812 + 1630; Cape Town: 2210 + 1875 + 1320.
      assertThat(result.incidents()).containsExactly(
          java.util.Map.entry("City of Johannesburg", 9356L),
          java.util.Map.entry("City of Cape Town", 5405L),
          java.util.Map.entry("City of Tshwane", 1389L),
          java.util.Map.entry("Ekurhuleni", 1012L));
      assertThat(result.lines()).first().asString().isEqualTo("City of Johannesburg   9356 incidents");
      assertThat(server.requested()).containsExactlyInAnyOrder("/crimes.json", "/stations.json");
    }
  }

  @Test
  void theJoinIsInnerAndMergesBothRecords() {
    try (ExampleServer server = ExampleServer.start()) {
      List<Item> joined = JoinStations.joined(server.url("crimes.json"), server.url("stations.json")).toList();

      // 16 crime records; the 4 of stations missing from stations.json (KZN, EC) drop out.
      assertThat(joined).hasSize(12);
      assertThat(joined).extracting(item -> item.get("police_station"))
          .doesNotContain("Durban Central", "Umlazi", "Inanda", "Mthatha");
      assertThat(joined.get(0).keys())
          .containsExactly("crime", "incidents", "police_station", "province", "year", "station", "municipality");
      assertThat(joined).allSatisfy(item -> assertThat(item.get("station")).isEqualTo(item.get("police_station")));
    }
  }
}
