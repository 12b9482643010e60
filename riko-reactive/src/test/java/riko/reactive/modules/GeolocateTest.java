package riko.reactive.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.items;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;
import riko.testing.SharedData;

class GeolocateTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String STREET = "\"country\":\"United States\",\"admin1\":\"state\",\"admin2\":\"county\","
      + "\"admin3\":\"city\",\"city\":\"city\",\"street\":\"street\",\"postal\":\"61605\"}";

  private final Geolocate geolocate = new Geolocate();

  private List<String> json(String conf, CallOptions options, String input) {
    return ModuleRunner.json(geolocate, conf(conf), options, items(input));
  }

  private List<String> json(String conf, String content) {
    return json(conf, CallOptions.none(), "[" + ItemJson.toJson(Item.of("content", content)) + "]");
  }

  // ---- catalog

  @Test
  void isARegisteredLoopableTransformerWithRikosDefaults() {
    assertThat(geolocate.name()).isEqualTo("geolocate");
    assertThat(geolocate.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(geolocate.metadata().loopable()).isTrue();
    assertThat(geolocate.spec().defaults()).isEqualTo(Map.of("type", "street_address"));
    assertThat(geolocate.spec().field()).isEqualTo("content");
    assertThat(geolocate.spec().assign()).isEqualTo("geolocate");
    assertThat(ModuleRegistry.standard().find("geolocate")).containsInstanceOf(Geolocate.class);
  }

  // ---- every type

  @Test
  void aStreetAddressIsRikosStubWhateverTheText() {
    assertThat(json("{}", "123 Bakersville St., USA")).containsExactly("{\"lat\":0.0,\"lon\":0.0," + STREET);
    assertThat(json("{\"type\": \"street_address\"}", "")).containsExactly("{\"lat\":0.0,\"lon\":0.0," + STREET);
  }

  @Test
  void anIpAddressIsRikosStub() {
    assertThat(json("{\"type\": \"ip_address\"}", "8.8.8.8")).containsExactly(
        "{\"country\":\"United States\",\"admin1\":\"state\",\"admin2\":\"county\",\"admin3\":\"city\",\"city\":\"city\"}");
  }

  @Test
  void coordinatesAreReadAsTwoPythonFloats() {
    assertThat(json("{\"type\": \"coordinates\"}", "1.5, 2.5")).containsExactly("{\"lat\":1.5,\"lon\":2.5," + STREET);
    assertThat(json("{\"type\": \"coordinates\"}", " 41.5 ,-81.25 ")).containsExactly("{\"lat\":41.5,\"lon\":-81.25," + STREET);
    assertThat(json("{\"type\": \"coordinates\"}", "1e1,1_0")).containsExactly("{\"lat\":10.0,\"lon\":10.0," + STREET);
    assertThat(json("{\"type\": \"coordinates\"}", "nan,-inf")).containsExactly("{\"lat\":\"NaN\",\"lon\":\"-Infinity\"," + STREET);
    for (String unreadable : List.of("1.5", "1.5, north", "1,2,3", ",", "", "1 .5, 2")) {
      assertThat(json("{\"type\": \"coordinates\"}", unreadable)).as(unreadable)
          .containsExactly("{\"lat\":0.0,\"lon\":0.0," + STREET);
    }
  }

  @Test
  void aCurrencyIsItsEntryFollowedByItsCountrysFacts() {
    assertThat(json("{\"type\": \"currency\"}", "GBP")).containsExactly("{\"code\":\"GBP\",\"decimal_digits\":2,"
        + "\"location\":\"United Kingdom\",\"name\":\"British Pound Sterling\",\"name_plural\":\"British pounds sterling\","
        + "\"rounding\":0,\"symbol\":\"£\",\"symbol_native\":\"£\",\"code_2\":\"GB\",\"code_3\":\"GBR\",\"continent\":\"Europe\","
        + "\"country\":\"United Kingdom\",\"num\":\"826\"}");
    assertThat(json("{\"type\": \"currency\"}", "CHF")).as("floats stay floats").singleElement().asString()
        .contains("\"rounding\":0.05").contains("\"country\":\"Switzerland\"");
  }

  @Test
  void aCurrencyWhoseLocationTheTableLacksHasNoCountryFacts() {
    assertThat(json("{\"type\": \"currency\"}", "USD")).containsExactly("{\"code\":\"USD\",\"decimal_digits\":2,"
        + "\"location\":\"United States\",\"name\":\"US Dollar\",\"name_plural\":\"US dollars\",\"rounding\":0,"
        + "\"symbol\":\"$\",\"symbol_native\":\"$\"}");
  }

  @Test
  void anUnknownCurrencyIsTheEmptyItemAndCodesAreCaseSensitive() {
    for (String code : List.of("XXX", "gbp", "", "GBP ")) {
      assertThat(json("{\"type\": \"currency\"}", code)).as(code).containsExactly("{}");
    }
  }

  @Test
  void everyCurrencyMatchesRikosTablesAsTheSpecRecordsThem() throws IOException {
    Path tables = SharedData.root().resolve("spec").resolve("tables");
    Item currencies = (Item) ((Item) ItemJson.parse(Files.readString(tables.resolve("currencies.json")))).getKey("currency_codes");
    Item locations = (Item) ItemJson.parse(Files.readString(tables.resolve("locations.json")));
    assertThat(currencies.keys()).hasSize(119);
    for (String code : currencies.keys()) {
      Item entry = (Item) currencies.getKey(code);
      Map<String, Object> expected = new LinkedHashMap<>(entry.asMap());
      Object place = locations.getKey(String.valueOf(entry.getKey("location")));
      if (place instanceof Item facts) {
        expected.putAll(facts.asMap());
      }
      Item actual = Geolocate.lookup(code, Geolocate.Type.CURRENCY);
      assertThat(ItemJson.toJson(actual)).as(code).isEqualTo(ItemJson.toJson(Item.of(expected)));
    }
  }

  // ---- emit and assign

  @Test
  void theMapReplacesTheItemByDefaultAndIsAssignedWithEmitFalse() {
    assertThat(json("{\"type\": \"currency\"}", CallOptions.none(), "[{\"content\": \"INR\", \"other\": 1}]"))
        .singleElement().asString().startsWith("{\"code\":\"INR\"").doesNotContain("other");
    List<String> assigned = json("{\"type\": \"currency\"}",
        CallOptions.none().withField("address").withEmit(false).withAssign("result"), "[{\"address\": \"GBP\"}]");
    assertThat(assigned).singleElement().asString().startsWith("{\"address\":\"GBP\",\"result\":{\"code\":\"GBP\",")
        .contains("\"country\":\"United Kingdom\"");
    assertThat(json("{}", CallOptions.none().withEmit(false), "[{\"content\": \"x\"}]"))
        .containsExactly("{\"content\":\"x\",\"geolocate\":{\"lat\":0.0,\"lon\":0.0," + STREET + "}");
    assertThat(json("{\"type\": \"currency\"}", CallOptions.none().withEmit(false), "[{\"content\": \"XXX\"}]"))
        .as("the empty result is assigned too").containsExactly("{\"content\":\"XXX\",\"geolocate\":{}}");
  }

  @Test
  void aMissingFieldIsTheEmptyText() {
    assertThat(json("{\"type\": \"currency\"}", CallOptions.none(), "[{\"other\": \"GBP\"}]")).containsExactly("{}");
    assertThat(json("{\"type\": \"coordinates\"}", CallOptions.none(), "[{}]"))
        .containsExactly("{\"lat\":0.0,\"lon\":0.0," + STREET);
  }

  @Test
  void theTypeMayComeFromEachItem() {
    assertThat(json("{\"type\": {\"subkey\": \"kind\"}}", CallOptions.none(),
        "[{\"kind\": \"currency\", \"content\": \"JPY\"}, {\"kind\": \"coordinates\", \"content\": \"3,4\"}]"))
        .satisfiesExactly(
            first -> assertThat(first).startsWith("{\"code\":\"JPY\"").contains("\"country\":\"Japan\""),
            second -> assertThat(second).isEqualTo("{\"lat\":3.0,\"lon\":4.0," + STREET));
  }

  @Test
  void noInputGivesNoOutput() {
    StepVerifier.create(ModuleRunner.run(geolocate, RawConf.empty(), List.of())).expectComplete().verify(TIMEOUT);
  }

  // ---- errors

  @Test
  void anUnknownTypeFailsAtAssemblyNamingTheChoices() {
    for (Object type : new Object[] {"Currency", "zip", 5L}) {
      assertThatThrownBy(() -> geolocate.create(ModuleCall.of("geolocate", RawConf.of("type", type))))
          .as(String.valueOf(type)).isInstanceOf(ConfException.class).hasMessageContaining("'type'")
          .hasMessageContaining("street_address, ip_address, coordinates, currency");
    }
    Map<String, Object> nullType = new LinkedHashMap<>();
    nullType.put("type", null);
    assertThatThrownBy(() -> geolocate.create(ModuleCall.of("geolocate", RawConf.of(nullType))))
        .isInstanceOf(ConfException.class).hasMessageContaining("None");
  }

  @Test
  void anUnknownTypeFromAnItemFailsForThatItemAfterEarlierOnes() {
    StepVerifier.create(ModuleRunner.run(geolocate, conf("{\"type\": {\"subkey\": \"kind\"}}"),
            items("[{\"kind\": \"ip_address\"}, {\"kind\": \"postcode\"}]")))
        .expectNextMatches(item -> "United States".equals(item.get("country")))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("postcode"))
        .verify(TIMEOUT);
  }

  // ---- no network, no blocking

  @Test
  void lookupsRunOnANonBlockingThreadWithoutBlocking() {
    List<String> threads = new ArrayList<>();
    Flux<Item> codes = Flux.just(Item.of("content", "GBP"), Item.of("content", "INR"), Item.of("content", "XXX"))
        .publishOn(Schedulers.parallel()) // a non-blocking thread, watched by BlockHound like an event loop
        .doOnNext(code -> threads.add(Thread.currentThread().getName()));
    Flux<Item> places = codes.transform(geolocate.create(ModuleCall.of("geolocate", RawConf.of("type", "currency"))));
    StepVerifier.create(places.map(ItemJson::toJson))
        .expectNextMatches(json -> json.contains("\"country\":\"United Kingdom\""))
        .expectNextMatches(json -> json.contains("\"country\":\"India\""))
        .expectNext("{}")
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(threads).as("the lookups ran on Reactor's parallel scheduler").allMatch(name -> name.startsWith("parallel-"));
  }

  // ---- the shipped tables and the conformance cases

  @Test
  void theTablesShipWithTheirProvenanceAndRikosLicence() throws IOException {
    for (String table : List.of("currencies.json", "locations.json")) {
      try (InputStream in = Geolocate.class.getResourceAsStream("geolocate/" + table)) {
        assertThat(in).as(table).isNotNull();
        Item provenance = (Item) ((Item) ItemJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))).getKey("provenance");
        assertThat(provenance.get("repository")).isEqualTo("https://github.com/nerevu/riko");
        assertThat(provenance.get("commit")).isEqualTo("3bdb54880f4c3509c0387408486c5c3aafadb547");
      }
    }
    try (InputStream in = Geolocate.class.getResourceAsStream("geolocate/LICENSE-riko.txt")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("The MIT License").contains("Reuben Cummings");
    }
  }

  @Test
  void conformanceGeolocateCases() throws IOException {
    for (String[] c : List.of(new String[] {"geolocate-currency", "currency", "INR"},
        new String[] {"geolocate-coordinates", "coordinates", "41.5, -81.25"})) {
      String expected = Files.readString(SharedData.conformanceCase(c[0]).resolve("expected.jsonl")).strip();
      assertThat(json("{\"type\": {\"type\": \"text\", \"value\": \"" + c[1] + "\"}}", c[2])).as(c[0]).containsExactly(expected);
    }
  }
}
