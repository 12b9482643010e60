package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import riko.conf.CallOptions;
import riko.conf.RawConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleException;
import riko.spi.ModuleSubtype;
import riko.testing.ModuleRunner;
import riko.testing.VirtualClock;
import riko.value.TimeTuple;

class DateBuilderTest {

  /** Saturday 15 August 2026, 10:20:30.5 UTC. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-15T10:20:30.5Z"), ZoneOffset.UTC);
  private static final CallOptions EMIT = CallOptions.none().withEmit(true);

  private final DateBuilder datebuilder = new DateBuilder();

  private static ModuleCall call(Clock clock, CallOptions options) {
    return ModuleCall.of("datebuilder", RawConf.empty()).withOptions(options).withContext(ModuleRunner.context().withClock(clock));
  }

  /** The JSON of each output for these inputs, with the module assembled at {@code clock}. */
  private List<String> run(Clock clock, CallOptions options, List<Item> input) {
    List<Item> out = ModuleRunner.run(datebuilder, call(clock, options), input).collectList().block(ModuleRunner.TIMEOUT);
    return out == null ? List.of() : out.stream().map(ItemJson::toJson).toList();
  }

  /** The tuple built from {@code text} at {@link #CLOCK}, as JSON. */
  private String built(String text) {
    return run(CLOCK, EMIT, List.of(Item.of("content", text))).get(0);
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void theSpecExamples() {
    assertThat(run(CLOCK, CallOptions.none(), items("[{\"content\": \"12/2/2014\"}]")))
        .containsExactly("{\"content\":\"12/2/2014\",\"datebuilder\":\"2014-12-02T00:00:00\"}");
    assertThat(run(CLOCK, CallOptions.none(), items("[{\"content\": \"3 days\"}]")))
        .containsExactly("{\"content\":\"3 days\",\"datebuilder\":\"2026-08-18T00:00:00\"}");
  }

  /** Conformance case datebuilder-default: the content of dates.json. */
  @Test
  void conformanceDatebuilderDefault() {
    assertThat(ModuleRunner.run(datebuilder, call(CLOCK, CallOptions.none()), Dates.all())
            .map(i -> i.get("datebuilder").toString()).collectList().block(ModuleRunner.TIMEOUT))
        .containsExactly(
            "2014-12-02T00:00:00",
            "2014-12-02T15:30:00",
            "2001-01-12T00:00:00",
            "2006-06-15T00:00:00",
            "2014-12-02T15:30:00",
            "2014-12-02T10:00:00");
  }

  @ParameterizedTest
  @CsvSource({
      "3 days, 2026-08-18",
      "1 day, 2026-08-16",
      "-1 day, 2026-08-14",
      "+2 days, 2026-08-17",
      "0 days, 2026-08-15",
      "1_0 days, 2026-08-25",
      "-400 days, 2025-07-11",
      "2 years, 2028-08-15",
      "-1 year, 2025-08-15",
      "+10 years, 2036-08-15"})
  void daysAndYearsCountFromTodayInUtc(String text, String date) {
    assertThat(built(text)).isEqualTo("\"" + date + "T00:00:00\"");
  }

  @Test
  void minusOneDayIsYesterday() {
    assertThat(built("-1 day")).isEqualTo(built("yesterday"));
  }

  @Test
  void theFourWordsAreDatesOrTheTimeToTheSecond() {
    assertThat(built("today")).isEqualTo("\"2026-08-15T00:00:00\"");
    assertThat(built("tomorrow")).isEqualTo("\"2026-08-16T00:00:00\"");
    assertThat(built("yesterday")).isEqualTo("\"2026-08-14T00:00:00\"");
    assertThat(built("now")).isEqualTo("\"2026-08-15T10:20:30\"");
  }

  @Test
  void todayAndNowAreFixedWhenTheModuleIsAssembledButDaysReadTheClockPerItem() {
    // QUIRK: riko evaluates the four words once (at load time); "n days" reads the clock per call.
    VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
    Clock clock = new VirtualClock(scheduler, Instant.parse("2026-08-15T23:00:00Z"));
    List<Item> input = items("[{\"content\": \"today\"}, {\"content\": \"now\"}, {\"content\": \"0 days\"},"
        + " {\"content\": \"tomorrow\"}, {\"content\": \"1 day\"}]");
    StepVerifier.withVirtualTime(
            () -> Flux.fromIterable(input).delayElements(Duration.ofHours(2))
                .transform(datebuilder.create(call(clock, EMIT)))
                .map(ItemJson::toJson),
            () -> scheduler, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofHours(10))
        .expectNext("\"2026-08-15T00:00:00\"", "\"2026-08-15T23:00:00\"", "\"2026-08-16T00:00:00\"",
            "\"2026-08-16T00:00:00\"", "\"2026-08-17T00:00:00\"")
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void aModuleAssembledLaterSeesItsOwnToday() {
    VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
    Clock clock = new VirtualClock(scheduler, Instant.parse("2026-08-15T23:00:00Z"));
    StepVerifier.withVirtualTime(
            () -> Mono.delay(Duration.ofDays(3)).thenMany(Flux.defer(() -> Flux.just(Item.of("content", "today"))
                .transform(datebuilder.create(call(clock, EMIT))))).map(ItemJson::toJson),
            () -> scheduler, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofDays(3))
        .expectNext("\"2026-08-18T00:00:00\"")
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void yearsFromTheTwentyNinthOfFebruaryNeedALeapYear() {
    Clock leapDay = at("2024-02-29T12:00:00Z");
    assertThat(run(leapDay, EMIT, List.of(Item.of("content", "4 years")))).containsExactly("\"2028-02-29T00:00:00\"");
    StepVerifier.create(ModuleRunner.run(datebuilder, call(leapDay, EMIT), List.of(Item.of("content", "1 year"))))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("datebuilder")
            .hasMessageContaining("'1 year'")
            .hasMessageContaining("29 February"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void freeFormTextKeepsItsWallClockTimeToTheSecond() {
    assertThat(built("5/4/82")).isEqualTo("\"1982-05-04T00:00:00\"");
    assertThat(built("2014-12-02 15:30:00-05:00")).as("offset not applied").isEqualTo("\"2014-12-02T15:30:00\"");
    assertThat(built("Tue, 02 Dec 2014 10:00:00 EST")).as("zone not applied").isEqualTo("\"2014-12-02T10:00:00\"");
    assertThat(built("2014-12-02T15:30:00.987654")).isEqualTo("\"2014-12-02T15:30:00\"");
    assertThat(built("Jan 2001")).as("missing fields from today").isEqualTo("\"2001-01-15T00:00:00\"");
  }

  @Test
  void theConfIsIgnored() {
    ModuleCall call = ModuleCall.of("datebuilder", conf("{\"format\": \"%Y\", \"whatever\": {\"subkey\": \"content\"}}"))
        .withContext(ModuleRunner.context().withClock(CLOCK));
    assertThat(ModuleRunner.run(datebuilder, call, items("[{\"content\": \"12/2/2014\"}]")).map(ItemJson::toJson)
            .collectList().block(ModuleRunner.TIMEOUT))
        .containsExactly("{\"content\":\"12/2/2014\",\"datebuilder\":\"2014-12-02T00:00:00\"}");
  }

  @Test
  void fieldAssignAndEmitOptions() {
    List<Item> input = List.of(item("{\"when\": \"tomorrow\"}"));
    assertThat(run(CLOCK, CallOptions.none().withField("when").withAssign("dates.start"), input))
        .containsExactly("{\"when\":\"tomorrow\",\"dates\":{\"start\":\"2026-08-16T00:00:00\"}}");
    List<Item> out = ModuleRunner.run(datebuilder, call(CLOCK, EMIT.withField("when")), input)
        .collectList().block(ModuleRunner.TIMEOUT);
    assertThat(out).singleElement().satisfies(i -> assertThat(i.rawValue())
        .isEqualTo(new TimeTuple(LocalDateTime.of(2026, 8, 16, 0, 0))));
  }

  @Test
  void aMissingNullOrNonTextFieldFailsNamingModuleAndField() {
    for (String input : List.of("{\"title\": \"no content\"}", "{\"content\": null}", "{\"content\": 5}")) {
      ModuleCall call = ModuleCall.of("datebuilder (sw-2)", RawConf.empty());
      StepVerifier.create(ModuleRunner.run(datebuilder, call, List.of(item(input))))
          .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
              .hasMessageContaining("datebuilder (sw-2)")
              .hasMessageContaining("field 'content' must be text"))
          .verify(ModuleRunner.TIMEOUT);
    }
    StepVerifier.create(ModuleRunner.run(datebuilder, call(CLOCK, CallOptions.none().withField("when")), List.of(item("{}"))))
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("field 'when'").hasMessageContaining("None"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @ParameterizedTest
  @CsvSource({
      "bogus, 'bogus'",
      "next week, 'next week'",
      "+3 weeks, '+3 weeks'",
      "three days, 'three' is not a whole number of days",
      "a year, 'a' is not a whole number of years",
      "' days', '' is not a whole number of days",
      "99999 years, outside the years 1-9999",
      "1000000000 days, outside the years 1-9999",
      "-740000 days, outside the years 1-9999"})
  void textNoRuleReadsFailsNamingTheText(String text, String problem) {
    StepVerifier.create(ModuleRunner.run(datebuilder, call(CLOCK, CallOptions.none()), List.of(Item.of("content", text))))
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ModuleException.class)
            .hasMessageContaining("datebuilder")
            .hasMessageContaining(problem))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void anErrorComesAfterTheItemsBefore() {
    List<Item> input = items("[{\"content\": \"12/2/2014\"}, {\"content\": \"bogus\"}, {\"content\": \"today\"}]");
    StepVerifier.create(ModuleRunner.run(datebuilder, call(CLOCK, CallOptions.none()), input))
        .expectNextMatches(i -> "2014-12-02T00:00:00".equals(String.valueOf(i.get("datebuilder"))))
        .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("unrecognized date 'bogus'"))
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void rawStringsAreReadAsTheirContent() {
    assertThat(run(CLOCK, CallOptions.none(), items("[\"5/4/82\"]")))
        .containsExactly("{\"content\":\"5/4/82\",\"datebuilder\":\"1982-05-04T00:00:00\"}");
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertThat(run(CLOCK, CallOptions.none(), List.of())).isEmpty();
  }

  @Test
  void ofBuildsOneTupleForJavaCallers() {
    assertThat(DateBuilder.of("12/2/2014", CLOCK)).isEqualTo(new TimeTuple(LocalDateTime.of(2014, 12, 2, 0, 0)));
    assertThat(DateBuilder.of("now", CLOCK)).isEqualTo(new TimeTuple(LocalDateTime.of(2026, 8, 15, 10, 20, 30)));
    assertThatThrownBy(() -> DateBuilder.of("bogus", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unrecognized date 'bogus'");
  }

  @Test
  void isRegisteredAsALoopableTransformer() {
    assertThat(ModuleRegistry.standard().find("datebuilder")).get().isInstanceOf(DateBuilder.class);
    assertThat(datebuilder.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(datebuilder.metadata().loopable()).isTrue();
    assertThat(datebuilder.name()).isEqualTo("datebuilder");
  }
}
