package riko.modules.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import riko.conf.CallOptions;
import riko.conf.ConfException;
import riko.item.Item;
import riko.json.ItemJson;
import riko.modules.operator.Truncate;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;
import riko.value.Cast;

class InputTest {

  private final Input input = new Input();

  private List<Item> run(String conf, Map<String, ?> inputs) {
    return run(conf, inputs, CallOptions.none());
  }

  private List<Item> run(String conf, Map<String, ?> inputs, CallOptions options) {
    ModuleCall call = ModuleCall.of("input", conf(conf))
        .withOptions(options)
        .withContext(ModuleContext.defaults().withInputs(inputs));
    List<Item> out = ModuleRunner.run(input, call, List.of(Item.empty())).collectList().block(ModuleRunner.TIMEOUT);
    return out == null ? List.of() : out;
  }

  /** The single raw value the module emitted. */
  private @Nullable Object value(String conf, Map<String, ?> inputs) {
    List<Item> out = run(conf, inputs);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).isRaw()).as("emitted as a raw value").isTrue();
    return out.get(0).rawValue();
  }

  @Test
  void declaresRikosDefaultsAndIsNotLoopable() {
    assertThat(input.name()).isEqualTo("input");
    assertThat(input.metadata().subtype()).isEqualTo(ModuleSubtype.SOURCE);
    assertThat(input.metadata().loopable()).isFalse();
    assertThat(input.spec().assign()).isEqualTo("content");
    assertThat(input.spec().alwaysEmit()).isTrue();
    assertThat(input.spec().defaults()).containsExactly(Map.entry("type", "text"), Map.entry("default", ""),
        Map.entry("prompt", "Enter text"), Map.entry("test", false), Map.entry("input_key", "content"));
  }

  @Test
  void takesTheUserInputUnderContentAndCastsIt() {
    assertThat(value("{\"prompt\": \"How old are you?\", \"type\": \"int\"}", Map.of("content", "30"))).isEqualTo(30L);
  }

  @Test
  void withoutInputsTakesTheDefaultAndNeverPrompts() {
    assertThat(value("{\"prompt\": \"How old are you?\", \"type\": \"int\", \"test\": true}", Map.of())).isEqualTo(0L);
    assertThat(value("{\"prompt\": \"How old are you?\", \"type\": \"int\", \"default\": \"7\"}", Map.of())).isEqualTo(7L);
    assertThat(value("{}", Map.of())).isEqualTo("");
  }

  @Test
  void emitFalseAssignsUnderContent() {
    List<Item> out = run("{\"type\": \"int\"}", Map.of("content", "30"), CallOptions.none().withEmit(false));
    assertThat(out).extracting(ItemJson::toJson).containsExactly("{\"content\":30}");
  }

  @Test
  void inputKeyChoosesTheInput() {
    assertThat(value("{\"type\": \"int\", \"input_key\": \"age\"}", Map.of("age", "30", "content", "99"))).isEqualTo(30L);
  }

  @Test
  void aMissingInputKeyFallsBackToTheDefault() {
    assertThat(value("{\"input_key\": \"who\", \"default\": \"World\"}", Map.of("other", "x"))).isEqualTo("World");
  }

  @Test
  void theLegacyNameKeyIsNotUsedForTheLookup() {
    assertThat(value("{\"name\": \"who\", \"default\": \"World\"}", Map.of("who", "Zoë"))).isEqualTo("World");
  }

  @Test
  void castsToEveryNamedType() {
    assertThat(value("{\"type\": \"date\"}", Map.of("content", "5/4/82"))).isEqualTo(LocalDate.of(1982, 5, 4));
    assertThat(value("{\"type\": \"date\"}", Map.of("content", "1982-05-04T10:30:00Z"))).isEqualTo(LocalDate.of(1982, 5, 4));
    assertThat(value("{\"type\": \"date\"}", Map.of("content", "not a date"))).isEqualTo(LocalDate.of(1970, 1, 1));
    assertThat(value("{\"type\": \"url\"}", Map.of("content", "google.com"))).isEqualTo("http://google.com");
    assertThat(value("{\"type\": \"bool\"}", Map.of("content", "true"))).isEqualTo(true);
    assertThat(value("{\"type\": \"float\"}", Map.of("content", "1"))).isEqualTo(1.0);
    assertThat(value("{\"type\": \"text\"}", Map.of("content", "hello"))).isEqualTo("hello");
    assertThat(value("{\"type\": \"int\"}", Map.of("content", "12.9"))).isEqualTo(12L);
  }

  @Test
  void castNamesAreCaseSensitiveAsInRiko() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> value("{\"type\": \"INT\"}", Map.of("content", "1")))
        .isInstanceOf(riko.conf.ConfException.class).hasMessageContaining("'INT'");
  }

  @Test
  void locationUsesTheStreetAddressStub() {
    List<Item> out = run("{\"type\": \"location\"}", Map.of("content", "palo alto, ca"));
    assertThat(out).extracting(ItemJson::toJson).containsExactly("{\"lat\":0.0,\"lon\":0.0,\"country\":\"United States\","
        + "\"admin1\":\"state\",\"admin2\":\"county\",\"admin3\":\"city\",\"city\":\"city\",\"street\":\"street\",\"postal\":\"61605\"}");
  }

  @Test
  void relativeDatesReadTheContextClock() {
    Clock clock = Clock.fixed(Instant.parse("2020-02-28T12:00:00Z"), ZoneOffset.UTC);
    ModuleCall call = ModuleCall.of("input", conf("{\"type\": \"date\"}"))
        .withContext(ModuleContext.defaults().withClock(clock).withInputs(Map.of("content", "tomorrow")));
    StepVerifier.create(ModuleRunner.run(input, call, List.of(Item.empty())))
        .expectNext(Item.ofValue(LocalDate.of(2020, 2, 29)))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void conformanceInputTypeUrl() {
    assertThat(run("{\"name\": {\"type\": \"text\", \"value\": \"x\"}, \"prompt\": {\"type\": \"text\", \"value\": \"value?\"},"
        + " \"default\": {\"type\": \"text\", \"value\": \"example.com/a b\"}, \"type\": {\"type\": \"text\", \"value\": \"url\"}}", Map.of()))
        .extracting(ItemJson::toJson)
        .containsExactly("\"http://example.com/a%20b\"");
  }

  @Test
  void conformanceInputDefaultAndOverrideFeedAnItembuilderTerminal() {
    String inputConf = "{\"name\": {\"type\": \"text\", \"value\": \"who\"}, \"prompt\": {\"type\": \"text\", \"value\": \"Who?\"},"
        + " \"default\": {\"type\": \"text\", \"value\": \"World\"}, \"input_key\": {\"type\": \"text\", \"value\": \"who\"}}";
    String builderConf = "{\"attrs\": [{\"key\": {\"type\": \"text\", \"value\": \"greeting\"},"
        + " \"value\": {\"terminal\": \"attrs_1_value\", \"type\": \"text\"}},"
        + " {\"key\": {\"type\": \"text\", \"value\": \"kind\"}, \"value\": {\"type\": \"text\", \"value\": \"hello\"}}]}";
    assertThat(greeting(inputConf, builderConf, Map.of())).containsExactly("{\"greeting\":\"World\",\"kind\":\"hello\"}");
    assertThat(greeting(inputConf, builderConf, Map.of("who", "Zoë & Co")))
        .containsExactly("{\"greeting\":\"Zoë & Co\",\"kind\":\"hello\"}");
  }

  private List<String> greeting(String inputConf, String builderConf, Map<String, String> inputs) {
    ModuleContext context = ModuleContext.defaults().withInputs(inputs);
    Flux<Item> who = Flux.just(Item.empty()).transform(input.create(ModuleCall.of("input", conf(inputConf)).withContext(context)));
    ModuleCall builder = ModuleCall.of("itembuilder", conf(builderConf)).withTerminals(Map.of("attrs_1_value", who));
    return Flux.just(Item.empty()).transform(new ItemBuilder().create(builder)).map(ItemJson::toJson)
        .collectList().block(ModuleRunner.TIMEOUT);
  }

  @Test
  void conformanceYahoo1LNyRuNS3BGdkTKaAsqenA() {
    String inputConf = "{\"test\": {\"type\": \"bool\", \"value\": \"true\"}, \"name\": {\"type\": \"text\", \"value\": \"textinput1\"},"
        + " \"input_key\": {\"type\": \"text\", \"value\": \"textinput1\"}, \"prompt\": {\"type\": \"text\", \"value\": \"Stock Symbol:\"},"
        + " \"default\": {\"type\": \"text\", \"value\": \"yhoo\"}, \"type\": {\"type\": \"text\", \"value\": \"text\"}}";
    String builderConf = "{\"attrs\": [{\"key\": {\"type\": \"text\", \"value\": \"symbol\"},"
        + " \"value\": {\"terminal\": \"symbol_in\", \"type\": \"text\"}}]}";
    ModuleContext context = ModuleContext.defaults().withInputs(Map.of("textinput1", "IBM"));
    Flux<Item> symbol = Flux.just(Item.empty()).transform(input.create(ModuleCall.of("input", conf(inputConf)).withContext(context)));
    ModuleCall builder = ModuleCall.of("itembuilder", conf(builderConf)).withTerminals(Map.of("symbol_in", symbol));
    assertThat(Flux.just(Item.empty()).transform(new ItemBuilder().create(builder)).map(ItemJson::toJson)
        .collectList().block(ModuleRunner.TIMEOUT))
        .containsExactly("{\"symbol\":\"IBM\"}");
  }

  @Test
  void conformanceInputContentKeyDrivesATruncateCount() {
    ModuleContext context = ModuleContext.defaults().withInputs(Map.of("content", "2"));
    Flux<Item> count = Flux.just(Item.empty()).transform(input.create(ModuleCall.of("input",
        conf("{\"default\": {\"type\": \"text\", \"value\": \"3\"}, \"type\": {\"type\": \"text\", \"value\": \"int\"}}"))
        .withContext(context)));
    ModuleCall truncate = ModuleCall.of("truncate", conf("{\"count\": {\"terminal\": \"count\", \"type\": \"int\"}}"))
        .withTerminals(Map.of("count", count));
    StepVerifier.create(Flux.just(Item.of("id", "p1"), Item.of("id", "p2"), Item.of("id", "p3"))
            .transform(new Truncate().create(truncate)))
        .expectNext(Item.of("id", "p1"), Item.of("id", "p2"))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void unknownTypeFailsAtAssemblyListingTheKnownCasts() {
    assertThatThrownBy(() -> input.create(ModuleCall.of("input", conf("{\"type\": \"number\"}"))))
        .isInstanceOf(ConfException.class)
        .hasMessageContaining("'type'")
        .hasMessageContaining("'number'")
        .hasMessageContaining(Cast.knownNames());
  }

  @Test
  void anUnknownDynamicTypeFailsWhenTheItemIsProcessed() {
    ModuleCall call = ModuleCall.of("input", conf("{\"type\": {\"subkey\": \"t\"}, \"default\": \"5\"}"));
    StepVerifier.create(Flux.just(Item.of("t", "int"), Item.of("t", "nope")).transform(input.create(call)))
        .expectNext(Item.ofValue(5L))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfException.class).hasMessageContaining("nope"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void emitsOneValuePerInputItem() {
    ModuleCall call = ModuleCall.of("input", conf("{\"default\": \"d\"}"));
    StepVerifier.create(Flux.just(Item.empty(), Item.empty()).transform(input.create(call)))
        .expectNext(Item.ofValue("d"), Item.ofValue("d"))
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }
}
