package riko.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;
import riko.item.Item;

@Timeout(30)
class CrimeStatsTest {

  @Test
  void theFiveGautengRecordsWithTheMostIncidents() {
    try (ExampleServer server = ExampleServer.start()) {
      CrimeStats.Result result = CrimeStats.run(server);

      assertThat(result.stations())
          .containsExactly("Honeydew", "Johannesburg Central", "Johannesburg Central", "Pretoria Central", "Midrand");
      assertThat(result.top()).extracting(item -> item.get("incidents")).containsExactly(1987L, 1630L, 1452L, 1389L, 1240L);
      assertThat(result.top()).allSatisfy(item -> assertThat(item.get("province")).isEqualTo("GP"));
      assertThat(result.top().get(0).keys()).containsExactly("crime", "incidents", "police_station", "province", "year");
      assertThat(result.lines()).hasSize(5).first().asString()
          .isEqualTo("1. Honeydew               1987  Burglary at residential premises (GP, 2016)");
      assertThat(server.requested()).containsExactly("/crimes.json");
    }
  }

  @Test
  void theSamePipeAsAFlux() {
    try (ExampleServer server = ExampleServer.start()) {
      StepVerifier.create(CrimeStats.pipe(server.url("crimes.json")).flux().map(item -> item.get("police_station")))
          .expectNext("Honeydew", "Johannesburg Central", "Johannesburg Central", "Pretoria Central", "Midrand")
          .expectComplete()
          .verify(Duration.ofSeconds(20));
    }
  }

  @Test
  void aMissingDataSetIsAnErrorNamingTheUrl() {
    try (ExampleServer server = ExampleServer.start()) {
      StepVerifier.create(CrimeStats.pipe(server.url("no-such.json")).flux().map(Item::keys))
          .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("fetchdata").hasMessageContaining("no-such.json"))
          .verify(Duration.ofSeconds(20));
    }
  }
}
