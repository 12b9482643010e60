package riko.modules.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static riko.testing.ModuleRunner.conf;
import static riko.testing.ModuleRunner.item;
import static riko.testing.ModuleRunner.items;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import riko.conf.CallOptions;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.json.ItemJson;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleCall;
import riko.spi.ModuleSubtype;
import riko.spi.ModuleType;
import riko.testing.ModuleRunner;
import riko.testing.VirtualClock;

class RssItemBuilderTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:43:13.907362Z"), ZoneOffset.UTC);
  private static final String STAMP = "2026-11-24T12:43:13.907362+00:00";

  private final RssItemBuilder rssitembuilder = new RssItemBuilder();

  private List<String> run(RawConf conf, CallOptions options, List<Item> input) {
    ModuleCall call = ModuleCall.of("rssitembuilder", conf).withOptions(options).withContext(ModuleRunner.context().withClock(CLOCK));
    List<Item> out = ModuleRunner.run(rssitembuilder, call, input).collectList().block(ModuleRunner.TIMEOUT);
    return out == null ? List.of() : out.stream().map(ItemJson::toJson).toList();
  }

  private List<String> run(String conf, List<Item> input) {
    return run(conf(conf), CallOptions.none(), input);
  }

  /** A run the way a pipeline starts with the module: one empty input item. */
  private List<String> build(String conf) {
    return run(conf, List.of(Item.empty()));
  }

  @Test
  void theSpecExamples() {
    assertThat(build("{\"title\": \"Hi\", \"guid\": \"a1\", \"mediaThumbURL\": \"image.png\"}")).containsExactly(
        "{\"pubDate\":\"" + STAMP + "\",\"y:title\":\"Hi\",\"y:id\":\"a1\",\"media:thumbnail\":{\"url\":\"image.png\"}}");
    assertThat(run("{\"mediaThumbURL\": {\"subkey\": \"thumbnail\"}}", items("[{\"thumbnail\": \"image.png\"}]")))
        .containsExactly("{\"pubDate\":\"" + STAMP + "\",\"media:thumbnail\":{\"url\":\"image.png\"}}");
    assertThat(build("{\"author\": \"\", \"description\": \"b\", \"guid\": \"\", "
        + "\"link\": \"http://example.com/test.php?this=that\", \"mediaThumbURL\": \"http://example.com/a.jpg\", "
        + "\"mediaThumbHeight\": \"\", \"mediaThumbWidth\": \"\", \"pubdate\": \"\", \"title\": \"a\"}"))
        .containsExactly("{\"pubDate\":\"\",\"author\":\"\",\"description\":\"b\",\"y:id\":\"\","
            + "\"link\":\"http://example.com/test.php?this=that\","
            + "\"media:thumbnail\":{\"url\":\"http://example.com/a.jpg\",\"height\":\"\",\"width\":\"\"},\"y:title\":\"a\"}");
  }

  /** Conformance case rssitembuilder-static: typed text values for every kind of key. */
  @Test
  void conformanceRssitembuilderStatic() {
    assertThat(build("{\"title\": {\"type\": \"text\", \"value\": \"T\"}, \"description\": {\"type\": \"text\", \"value\": \"D\"},"
        + " \"link\": {\"type\": \"text\", \"value\": \"http://x.example/1\"}, \"pubdate\": {\"type\": \"text\", \"value\": \"2020-01-02\"},"
        + " \"guid\": {\"type\": \"text\", \"value\": \"g1\"}, \"author\": {\"type\": \"text\", \"value\": \"me\"},"
        + " \"mediaThumbURL\": {\"type\": \"text\", \"value\": \"http://x.example/t.png\"},"
        + " \"mediaThumbHeight\": {\"type\": \"text\", \"value\": \"10\"},"
        + " \"mediaContentURL\": {\"type\": \"text\", \"value\": \"http://x.example/c.mp3\"},"
        + " \"mediaContentType\": {\"type\": \"text\", \"value\": \"audio/mpeg\"}}"))
        .containsExactly("{\"pubDate\":\"2020-01-02\",\"y:title\":\"T\",\"description\":\"D\",\"link\":\"http://x.example/1\","
            + "\"y:id\":\"g1\",\"author\":\"me\",\"media:thumbnail\":{\"url\":\"http://x.example/t.png\",\"height\":\"10\"},"
            + "\"media:content\":{\"url\":\"http://x.example/c.mp3\",\"type\":\"audio/mpeg\"}}");
  }

  @Test
  void everyConfKeyHasItsOutputKey() {
    List<Item> out = ModuleRunner.run(rssitembuilder, ModuleCall.of("rssitembuilder", conf("{\"title\": 1, \"description\": 2,"
        + " \"author\": 3, \"guid\": 4, \"link\": 5, \"pubDate\": 6, \"mediaContentURL\": 7, \"mediaContentType\": 8,"
        + " \"mediaContentHeight\": 9, \"mediaContentWidth\": 10, \"mediaThumbURL\": 11, \"mediaThumbHeight\": 12,"
        + " \"mediaThumbWidth\": 13}")), List.of(Item.empty())).collectList().block(ModuleRunner.TIMEOUT);
    assertThat(out).singleElement().satisfies(i -> {
      assertThat(i.asMap()).containsOnlyKeys("pubDate", "y:title", "description", "author", "y:id", "link",
          "media:content", "media:thumbnail");
      assertThat(List.of(i.get("y:title"), i.get("description"), i.get("author"), i.get("y:id"), i.get("link"),
          i.get("pubDate"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(((Item) i.get("media:content")).asMap())
          .containsExactly(Map.entry("url", 7L), Map.entry("type", 8L), Map.entry("height", 9L), Map.entry("width", 10L));
      assertThat(((Item) i.get("media:thumbnail")).asMap())
          .containsExactly(Map.entry("url", 11L), Map.entry("height", 12L), Map.entry("width", 13L));
    });
  }

  @Test
  void confKeysMatchInAnyCase() {
    assertThat(build("{\"MEDIATHUMBURL\": \"a.png\", \"Title\": \"t\", \"PUBDATE\": \"p\", \"mediacontenttype\": \"x/y\"}"))
        .containsExactly("{\"pubDate\":\"p\",\"media:thumbnail\":{\"url\":\"a.png\"},\"y:title\":\"t\","
            + "\"media:content\":{\"type\":\"x/y\"}}");
  }

  @Test
  void pubDateDefaultsToTheAssemblyTimeAsPythonsIsoformat() {
    assertThat(build("{}")).containsExactly("{\"pubDate\":\"" + STAMP + "\"}");
    assertThat(RssItemBuilder.isoTimestamp(Clock.fixed(Instant.parse("2026-11-24T12:43:13Z"), ZoneOffset.UTC)))
        .as("no fraction when it is zero").isEqualTo("2026-11-24T12:43:13+00:00");
    assertThat(RssItemBuilder.isoTimestamp(Clock.fixed(Instant.parse("2026-11-24T12:43:13.000001999Z"), ZoneOffset.UTC)))
        .as("microseconds, truncated").isEqualTo("2026-11-24T12:43:13.000001+00:00");
    assertThat(RssItemBuilder.isoTimestamp(Clock.fixed(Instant.parse("2026-11-24T12:43:13.5Z"), ZoneOffset.ofHours(9))))
        .as("always UTC").isEqualTo("2026-11-24T12:43:13.500000+00:00");
  }

  @Test
  void everyItemOfOneAssemblyGetsTheSamePubDate() {
    // QUIRK: riko takes the timestamp once, when the module is loaded.
    VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
    Clock clock = new VirtualClock(scheduler, Instant.parse("2026-11-24T12:00:00Z"));
    ModuleCall call = ModuleCall.of("rssitembuilder", conf("{\"title\": {\"subkey\": \"t\"}}"))
        .withContext(ModuleRunner.context().withClock(clock));
    StepVerifier.withVirtualTime(
            () -> Flux.fromIterable(items("[{\"t\": \"a\"}, {\"t\": \"b\"}]")).delayElements(Duration.ofHours(5))
                .transform(rssitembuilder.create(call)).map(ItemJson::toJson),
            () -> scheduler, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofHours(10))
        .expectNext("{\"pubDate\":\"2026-11-24T12:00:00+00:00\",\"y:title\":\"a\"}",
            "{\"pubDate\":\"2026-11-24T12:00:00+00:00\",\"y:title\":\"b\"}")
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void aModuleAssembledLaterTakesItsOwnTimestamp() {
    VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
    Clock clock = new VirtualClock(scheduler, Instant.parse("2026-11-24T12:00:00Z"));
    ModuleCall call = ModuleCall.of("rssitembuilder", RawConf.empty()).withContext(ModuleRunner.context().withClock(clock));
    StepVerifier.withVirtualTime(
            () -> Mono.delay(Duration.ofMinutes(90))
                .thenMany(Flux.defer(() -> Flux.just(Item.empty()).transform(rssitembuilder.create(call))))
                .map(ItemJson::toJson),
            () -> scheduler, Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(Duration.ofMinutes(90))
        .expectNext("{\"pubDate\":\"2026-11-24T13:30:00+00:00\"}")
        .expectComplete()
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void unknownKeysAreIgnoredAndNullsKept() {
    assertThat(build("{\"category\": \"news\", \"y:title\": \"x\", \"title\": null}"))
        .containsExactly("{\"pubDate\":\"" + STAMP + "\",\"y:title\":null}");
  }

  @Test
  void eachInputItemBuildsOneItemWithoutItsFields() {
    assertThat(run("{\"title\": {\"subkey\": \"heading\"}, \"guid\": {\"subkey\": \"id\"}, \"pubDate\": \"d\"}",
        items("[{\"heading\": \"Hi\", \"id\": \"a1\", \"other\": 1}, {\"heading\": \"Bye\"}]")))
        .containsExactly("{\"pubDate\":\"d\",\"y:title\":\"Hi\",\"y:id\":\"a1\"}", "{\"pubDate\":\"d\",\"y:title\":\"Bye\",\"y:id\":null}");
  }

  @Test
  void emitFalseAssignsTheBuiltItem() {
    assertThat(run(conf("{\"title\": \"t\", \"pubDate\": \"d\"}"), CallOptions.none().withEmit(false), List.of(item("{\"n\": 1}"))))
        .containsExactly("{\"n\":1,\"rssitembuilder\":{\"pubDate\":\"d\",\"y:title\":\"t\"}}");
    assertThat(run(conf("{\"title\": \"t\", \"pubDate\": \"d\"}"), CallOptions.none().withEmit(false).withAssign("rss"),
        List.of(item("{\"n\": 1}"))))
        .containsExactly("{\"n\":1,\"rss\":{\"pubDate\":\"d\",\"y:title\":\"t\"}}");
  }

  @Test
  void emptyInputBuildsNothingAndUpstreamErrorsPassAfterTheItemsBefore() {
    assertThat(run("{\"title\": \"t\"}", List.of())).isEmpty();
    Flux<Item> failing = Flux.just(Item.empty()).concatWith(Flux.error(new IllegalStateException("upstream broke")));
    StepVerifier.create(failing.transform(rssitembuilder.create(ModuleCall.of("rssitembuilder", conf("{\"title\": \"t\"}")))))
        .expectNextMatches(i -> "t".equals(i.get("y:title")))
        .expectErrorMessage("upstream broke")
        .verify(ModuleRunner.TIMEOUT);
  }

  @Test
  void buildMapsAResolvedConfForJavaCallers() {
    Item built = RssItemBuilder.build(new ResolvedConf("rssitembuilder",
        new java.util.LinkedHashMap<>(Map.of("mediathumbwidth", "5", "ignored", "x"))));
    assertThat(ItemJson.toJson(built)).isEqualTo("{\"media:thumbnail\":{\"width\":\"5\"}}");
  }

  @Test
  void isRegisteredAsALoopableTransformer() {
    assertThat(ModuleRegistry.standard().find("rssitembuilder")).get().isInstanceOf(RssItemBuilder.class);
    assertThat(rssitembuilder.metadata().type()).isEqualTo(ModuleType.PROCESSOR);
    assertThat(rssitembuilder.metadata().subtype()).isEqualTo(ModuleSubtype.TRANSFORMER);
    assertThat(rssitembuilder.metadata().loopable()).isTrue();
  }
}
