package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;
import static riko.testing.ModuleRunner.json;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleSubtype;
import riko.spi.ModuleType;
import riko.testing.ModuleRunner;
import riko.value.Cast;

class TypecastTest {

  private final Typecast typecast = new Typecast();
  private static final CallOptions EMIT = CallOptions.none().withEmit(true);

  private List<String> run(String conf, String input) {
    return json(typecast, conf(conf), List.of(item(input)));
  }

  private List<String> emit(String conf, String input) {
    return json(typecast, conf(conf), EMIT, List.of(item(input)));
  }

  @Test
  void theSpecExamples() {
    assertThat(run("{\"type\": \"int\"}", "{\"content\": \"1.0\"}")).containsExactly("{\"content\":\"1.0\",\"typecast\":1}");
    assertThat(run("{\"type\": \"date\"}", "{\"content\": \"5/4/82\"}"))
        .containsExactly("{\"content\":\"5/4/82\",\"typecast\":\"1982-05-04\"}");
    assertThat(emit("{\"type\": \"datetime\"}", "{\"content\": \"5/4/82\"}")).containsExactly("\"1982-05-04T00:00:00+00:00\"");
    assertThat(emit("{}", "{\"content\": null}")).containsExactly("\"\"");
    assertThat(emit("{\"type\": \"bool\"}", "{\"content\": null}")).containsExactly("false");
    assertThat(emit("{\"type\": \"decimal\"}", "{\"content\": \"12.25\"}")).containsExactly("12.25");
  }

  /** Conformance case typecast-int: numbers.json through {"type": {"type": "text", "value": "int"}}. */
  @Test
  void conformanceTypecastInt() {
    List<Item> numbers = items("[{\"content\":\"10\",\"other\":\"3\",\"label\":\"ten\"},"
        + "{\"content\":7,\"other\":2,\"label\":\"seven\"},"
        + "{\"content\":\"2.5\",\"other\":\"0.5\",\"label\":\"two and a half\"},"
        + "{\"content\":\"-4\",\"other\":\"-3\",\"label\":\"minus four\"},"
        + "{\"content\":\"1e3\",\"other\":\"7\",\"label\":\"exp\"},"
        + "{\"content\":\"0\",\"other\":\"0\",\"label\":\"zero\"}]");
    assertThat(json(typecast, conf("{\"type\": {\"type\": \"text\", \"value\": \"int\"}}"), numbers)).containsExactly(
        "{\"content\":\"10\",\"other\":\"3\",\"label\":\"ten\",\"typecast\":10}",
        "{\"content\":7,\"other\":2,\"label\":\"seven\",\"typecast\":7}",
        "{\"content\":\"2.5\",\"other\":\"0.5\",\"label\":\"two and a half\",\"typecast\":2}",
        "{\"content\":\"-4\",\"other\":\"-3\",\"label\":\"minus four\",\"typecast\":-4}",
        "{\"content\":\"1e3\",\"other\":\"7\",\"label\":\"exp\",\"typecast\":1000}",
        "{\"content\":\"0\",\"other\":\"0\",\"label\":\"zero\",\"typecast\":0}");
  }

  @Test
  void theDefaultTypeIsText() {
    assertThat(run("{}", "{\"content\": 5}")).containsExactly("{\"content\":5,\"typecast\":\"5\"}");
    assertThat(run("{}", "{\"content\": 2.0}")).containsExactly("{\"content\":2.0,\"typecast\":\"2.0\"}");
    assertThat(run("{}", "{\"content\": [1, \"a\"]}")).containsExactly("{\"content\":[1,\"a\"],\"typecast\":\"[1, 'a']\"}");
  }

  @Test
  void theRawFieldIsCastSoAMissingFieldGetsTheDefault() {
    assertThat(run("{\"type\": \"int\"}", "{\"other\": 1}")).containsExactly("{\"other\":1,\"typecast\":0}");
    assertThat(run("{\"type\": \"float\"}", "{}")).containsExactly("{\"typecast\":\"NaN\"}");
    assertThat(run("{\"type\": \"pass\"}", "{\"content\": [1, 2]}")).containsExactly("{\"content\":[1,2],\"typecast\":[1,2]}");
  }

  @Test
  void fieldAndAssignOptions() {
    CallOptions options = CallOptions.none().withField("a.b").withAssign("out.n");
    assertThat(json(typecast, conf("{\"type\": \"float\"}"), options, List.of(item("{\"a\": {\"b\": \"1e3\"}}"))))
        .containsExactly("{\"a\":{\"b\":\"1e3\"},\"out\":{\"n\":1000.0}}");
  }

  @Test
  void aNullResultLeavesTheItemUnchanged() {
    assertThat(run("{\"type\": \"none\"}", "{\"content\": \"x\"}")).containsExactly("{\"content\":\"x\"}");
    assertThat(run("{\"type\": \"pass\"}", "{\"other\": 1}")).containsExactly("{\"other\":1}");
  }

  @Test
  void aLocationMapIsEmittedByDefaultAndAssignedOnRequest() {
    String stub = "{\"lat\":0.0,\"lon\":0.0,\"country\":\"United States\",\"admin1\":\"state\",\"admin2\":\"county\","
        + "\"admin3\":\"city\",\"city\":\"city\",\"street\":\"street\",\"postal\":\"61605\"}";
    assertThat(run("{\"type\": \"location\"}", "{\"content\": \"London\"}")).containsExactly(stub);
    assertThat(json(typecast, conf("{\"type\": \"location\"}"), CallOptions.none().withEmit(false),
        List.of(item("{\"content\": \"London\"}")))).containsExactly("{\"content\":\"London\",\"typecast\":" + stub + "}");
  }

  @Test
  void everyCastOfTheTable() {
    assertThat(run("{\"type\": \"bool\"}", "{\"content\": \"no\"}")).containsExactly("{\"content\":\"no\",\"typecast\":true}");
    assertThat(run("{\"type\": \"bool\"}", "{\"content\": \"0.0\"}")).containsExactly("{\"content\":\"0.0\",\"typecast\":false}");
    assertThat(run("{\"type\": \"url\"}", "{\"content\": \"example.com/a b\"}"))
        .containsExactly("{\"content\":\"example.com/a b\",\"typecast\":\"http://example.com/a%20b\"}");
    assertThat(run("{\"type\": \"decimal\"}", "{\"content\": \"1e3\"}")).containsExactly("{\"content\":\"1e3\",\"typecast\":1E+3}");
    assertThat(run("{\"type\": \"float\"}", "{\"content\": \"nan\"}")).containsExactly("{\"content\":\"nan\",\"typecast\":\"NaN\"}");
    assertThat(run("{\"type\": \"datetime\"}", "{\"content\": 1181230100}"))
        .containsExactly("{\"content\":1181230100,\"typecast\":\"2007-06-07T15:28:20+00:00\"}");
    assertThat(run("{\"type\": \"datetime\"}", "{\"content\": \"1181230100\"}"))
        .containsExactly("{\"content\":\"1181230100\",\"typecast\":\"1970-01-01T00:00:00+00:00\"}");
  }

  @Test
  void dateStringsReadTheContextClock() {
    Clock clock = Clock.fixed(Instant.parse("2026-08-15T10:20:30Z"), ZoneOffset.UTC);
    ModuleCall call = ModuleCall.of("typecast", conf("{\"type\": \"datetime\"}"))
        .withOptions(EMIT)
        .withContext(ModuleRunner.context().withClock(clock));
    StepVerifier.create(ModuleRunner.run(typecast, call, items("[{\"content\": \"+2 hours\"}, {\"content\": \"tomorrow\"}]"))
            .map(riko.json.ItemJson::toJson))
        .expectNext("\"2026-08-15T12:20:30+00:00\"", "\"2026-08-16T00:00:00+00:00\"")
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anEmptyTypeKeepsTheValue() {
    assertThat(run("{\"type\": \"\"}", "{\"content\": \"1.5\"}")).containsExactly("{\"content\":\"1.5\",\"typecast\":\"1.5\"}");
    assertThat(run("{\"type\": null}", "{\"content\": 2}")).containsExactly("{\"content\":2,\"typecast\":2}");
  }

  @Test
  void anUnknownStaticTypeFailsAtAssemblyListingTheNames() {
    assertThatThrownBy(() -> typecast.create(ModuleCall.of("typecast (sw-2)", conf("{\"type\": \"integer\"}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("typecast (sw-2)")
        .hasMessageContaining("'type'")
        .hasMessageContaining("'integer'")
        .hasMessageContaining(Cast.knownNames());
    assertThatThrownBy(() -> typecast.create(ModuleCall.of("typecast", conf("{\"type\": \"INT\"}"))))
        .isInstanceOf(ConfException.class);
    assertThatThrownBy(() -> typecast.create(ModuleCall.of("typecast", conf("{\"type\": 5}"))))
        .isInstanceOf(ConfException.class);
  }

  @Test
  void aDynamicTypeIsCheckedPerItemAfterEarlierItemsWereEmitted() {
    ModuleCall call = ModuleCall.of("typecast", conf("{\"type\": {\"subkey\": \"kind\"}}"));
    List<Item> input = items("[{\"content\": \"2.5\", \"kind\": \"int\"}, {\"content\": \"2.5\", \"kind\": \"float\"},"
        + " {\"content\": \"2.5\", \"kind\": \"real\"}, {\"content\": \"never\", \"kind\": \"text\"}]");
    StepVerifier.create(ModuleRunner.run(typecast, call, input).map(i -> i.get("typecast")))
        .expectNext(2L, 2.5)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("'real'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void infinityToIntFailsAtRuntime() {
    StepVerifier.create(ModuleRunner.run(typecast, conf("{\"type\": \"int\"}"), items("[{\"content\": \"1\"}, {\"content\": \"inf\"}]")))
        .expectNextCount(1)
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("typecast").hasMessageContaining("infinity"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void rawValuesAreReadAsContent() {
    assertThat(json(typecast, conf("{\"type\": \"int\"}"), items("[\"42.9\", 3]")))
        .containsExactly("{\"content\":\"42.9\",\"typecast\":42}", "{\"content\":3,\"typecast\":3}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(json(typecast, conf("{\"type\": \"int\"}"), List.of())).isEmpty();
  }

  @Test
  void processesLazilyInOrder() {
    Flux<Item> endless = Flux.generate(sink -> sink.next(Item.of("content", "7")));
    StepVerifier.create(endless.transform(typecast.create(ModuleCall.of("typecast", conf("{\"type\": \"int\"}")))).take(3))
        .expectNextCount(3)
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void javaCallersCanUseTheConfDirectly() {
    Clock clock = Clock.systemUTC();
    assertThat(Typecast.Conf.of("int").apply("12.25", clock)).isEqualTo(12L);
    assertThat(Typecast.Conf.of("").apply("12.25", clock)).isEqualTo("12.25");
    assertThatThrownBy(() -> Typecast.Conf.of("nope")).isInstanceOf(ConfException.class);
  }

  @Test
  void isARegisteredLoopableTransformer() {
    assertThat(typecast.metadata().name()).isEqualTo("typecast");
    assertThat(typecast.metadata().type()).isEqualTo(ModuleType.PROCESSOR);
    assertThat(typecast.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(typecast.metadata().loopable()).isTrue();
    assertThat(ModuleRegistry.standard().find("typecast")).get().isInstanceOf(Typecast.class);
  }
}
