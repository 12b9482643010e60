package riko.reactive.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import riko.item.Item;
import riko.reactive.http.FileFetcher;
import riko.reactive.http.HttpFetcher;
import riko.reactive.http.HttpFetcherConfig;
import riko.reactive.http.StandardFetcher;
import riko.reactive.testing.LocalHttpServer;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleContext;
import riko.spi.ResourceFetcher;
import riko.spi.ResourceHandler;
import riko.spi.ResourceRequest;
import riko.testing.SharedData;

class SyncCollectionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  private static final HttpFetcher http = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(32));
  private static final StandardFetcher FETCHER = new StandardFetcher(http, new FileFetcher(SharedData.fixtures()));
  private static final ModuleContext CONTEXT = ModuleContext.defaults().withFetcher(FETCHER);

  @BeforeAll
  static void routes() {
    server.route("/a.json", InFlight.json(InFlight.records("a", 3)));
    server.route("/b.json", InFlight.json(InFlight.records("b", 2)));
    server.route("/c.json", InFlight.json(InFlight.records("c", 1)));
  }

  @AfterAll
  static void close() {
    http.close();
  }

  private static Map<String, Object> data(String url) {
    return Map.of("type", "fetchdata", "url", url);
  }

  private static String label(Item item) {
    return item.get("source") + "" + item.get("n");
  }

  private static List<String> labels(Iterable<Item> items) {
    List<String> labels = new ArrayList<>();
    items.forEach(item -> labels.add(label(item)));
    return labels;
  }

  private static SyncCollection abc() {
    return SyncCollection.of(data(server.url("/a.json")), data(server.url("/b.json")), data(server.url("/c.json")))
        .withContext(CONTEXT);
  }

  @Test
  void sequentialByDefaultOneSourceAfterTheOther() {
    // each request is answered at once (gate of 1); inFlight records how many ever overlapped
    InFlight gate = new InFlight(1);
    InFlight inFlight = new InFlight(Integer.MAX_VALUE);
    List<Map<String, Object>> sources = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      server.route("/sequential/" + i + ".json", InFlight.answer(InFlight.records("s" + i, 2), gate, gate, inFlight));
      sources.add(data(server.url("/sequential/" + i + ".json")));
    }
    assertThat(labels(SyncCollection.of(sources).withContext(CONTEXT).toList(TIMEOUT)))
        .containsExactly("s00", "s01", "s10", "s11", "s20", "s21", "s30", "s31");
    assertThat(inFlight.max()).isEqualTo(1);
  }

  @Test
  void theBlockingFacesGiveTheSameItemsAsTheAsyncFace() {
    List<String> expected = List.of("a0", "a1", "a2", "b0", "b1", "c0");
    assertThat(labels(abc().toList())).isEqualTo(expected);
    assertThat(labels(abc().toIterable())).isEqualTo(expected);
    try (Stream<Item> items = abc().stream()) {
      assertThat(labels(items.toList())).isEqualTo(expected);
    }
    AsyncCollection async = AsyncCollection.of(data(server.url("/a.json")), data(server.url("/b.json")), data(server.url("/c.json")))
        .withContext(CONTEXT);
    assertThat(labels(async.fetchInOrder().collectList().block(TIMEOUT))).isEqualTo(expected);
    assertThat(labels(async.fetch().collectList().block(TIMEOUT))).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(labels(abc().withParallel(true).toList())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(labels(abc().withParallel(true).withOrdered(true).toList())).isEqualTo(expected);
  }

  @Test
  void parallelFetchesWorkersSourcesAtOnce() {
    InFlight inFlight = new InFlight(2);
    List<Map<String, Object>> sources = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      server.route("/workers/" + i + ".json", InFlight.answer(InFlight.records("w" + i, 1), inFlight, inFlight));
      sources.add(data(server.url("/workers/" + i + ".json")));
    }
    SyncCollection collection = SyncCollection.of(sources).withContext(CONTEXT).withParallel(true).withWorkers(2);
    assertThat(collection.toList(TIMEOUT)).hasSize(6);
    assertThat(inFlight.max()).isEqualTo(2);

    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(SyncCollection.of(sources).workers()).isEqualTo(Math.min(6, cores * 2));
    assertThat(SyncCollection.of(List.of()).workers()).isEqualTo(1);
    assertThatThrownBy(() -> collection.withWorkers(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** slow.json sends one record, then the rest only once {@code release} completes. */
  private static void slowUntil(Sinks.Empty<Void> release) {
    server.route("/parallel/slow.json", (request, response) -> response
        .header("Content-Type", "application/json")
        .sendString(Flux.concat(Mono.just("[{\"source\": \"slow\", \"n\": 0}"),
            release.asMono().timeout(TIMEOUT).then(Mono.just(", {\"source\": \"slow\", \"n\": 1}]")))));
  }

  @Test
  void parallelHandsWholeSourcesOutInCompletionOrderOrInSourceOrderWhenOrdered() {
    server.route("/parallel/fast.json", InFlight.json(InFlight.records("fast", 2)));
    SyncCollection collection = SyncCollection.of(data(server.url("/parallel/slow.json")), data(server.url("/parallel/fast.json")))
        .withContext(CONTEXT)
        .withParallel(true);

    // completion order: slow's first record arrives first, but slow ends only after fast has been
    // handed out, so fast (done first, whole) comes before slow
    Sinks.Empty<Void> fastHandedOut = Sinks.empty();
    slowUntil(fastHandedOut);
    List<Item> inCompletionOrder = collection.flux()
        .doOnNext(item -> {
          if ("fast1".equals(label(item))) {
            fastHandedOut.tryEmitEmpty();
          }
        })
        .collectList().block(TIMEOUT);
    assertThat(labels(inCompletionOrder)).containsExactly("fast0", "fast1", "slow0", "slow1");

    // source order: slow first although fast was read completely before slow ended
    Sinks.Empty<Void> fastRead = Sinks.empty();
    slowUntil(fastRead);
    ResourceFetcher signalling = new ResourceFetcher() {
      @Override
      public <T> Flux<T> fetch(ResourceRequest request, ResourceHandler<T> handler) {
        return FETCHER.fetch(request, handler).doOnComplete(() -> {
          if (request.url().endsWith("/fast.json")) {
            fastRead.tryEmitEmpty();
          }
        });
      }
    };
    assertThat(labels(collection.withOrdered(true).withContext(ModuleContext.defaults().withFetcher(signalling)).toList(TIMEOUT)))
        .containsExactly("slow0", "slow1", "fast0", "fast1");
  }

  @Test
  void aFailingSourceIsReportedAndTheOthersDeliverInEveryMode() {
    String bad = server.url("/status/404");
    for (SyncCollection mode : List.of(
        SyncCollection.of(data(server.url("/a.json")), data(bad), data(server.url("/c.json"))),
        SyncCollection.of(data(server.url("/a.json")), data(bad), data(server.url("/c.json"))).withParallel(true),
        SyncCollection.of(data(server.url("/a.json")), data(bad), data(server.url("/c.json"))).withParallel(true).withOrdered(true))) {
      List<SourceFailure> failures = new CopyOnWriteArrayList<>();
      List<Item> items = mode.withContext(CONTEXT).onSourceError(failures::add).toList(TIMEOUT);
      assertThat(labels(items)).containsExactlyInAnyOrder("a0", "a1", "a2", "c0");
      assertThat(failures).singleElement().satisfies(failure -> {
        assertThat(failure.index()).isEqualTo(1);
        assertThat(failure.url()).isEqualTo(bad);
        assertThat(failure.message()).contains("collection source [1]", "404");
      });
    }
  }

  @Test
  void failFastThrowsTheFirstFailureAfterTheItemsBeforeIt() {
    String bad = server.url("/status/500");
    SyncCollection collection = SyncCollection.of(data(server.url("/a.json")), data(bad), data(server.url("/c.json")))
        .withContext(CONTEXT)
        .failFast();
    assertThatThrownBy(collection::toList)
        .isInstanceOf(CollectionException.class)
        .hasMessageContaining("collection source [1] (fetchdata " + bad + ")");

    Iterator<Item> items = collection.toIterable().iterator();
    List<Item> read = new ArrayList<>();
    assertThatThrownBy(() -> items.forEachRemaining(read::add)).isInstanceOf(CollectionException.class);
    assertThat(labels(read)).containsExactly("a0", "a1", "a2");

    List<Item> streamed = new ArrayList<>();
    try (Stream<Item> items2 = collection.stream()) {
      assertThatThrownBy(() -> items2.forEach(streamed::add)).isInstanceOf(CollectionException.class);
    }
    assertThat(labels(streamed)).containsExactly("a0", "a1", "a2");
  }

  @Test
  void closingTheStreamEarlyCancelsTheSourcesInFlight() throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    server.route("/stream/endless.json", AsyncCollectionTest.endless(closed));
    SyncCollection collection = SyncCollection.of(data(server.url("/stream/endless.json"))).withContext(CONTEXT);
    try (Stream<Item> items = collection.stream()) {
      assertThat(items.limit(3).count()).isEqualTo(3);
    }
    assertThat(closed.await(10, TimeUnit.SECONDS)).as("the endless response was closed").isTrue();
  }

  @Test
  void emptyCollectionsAndChaining() {
    assertThat(SyncCollection.of(List.of()).toList()).isEmpty();
    assertThat(SyncCollection.of(List.of()).withParallel(true).toIterable()).isEmpty();
    assertThat(abc().pipe("count").toList()).containsExactly(Item.of("count", 6L));
    assertThat(labels(abc().pipe("tail", Map.of("count", 2)).toList())).containsExactly("b1", "c0");
    ModuleRegistry registry = ModuleRegistry.standard().toBuilder().replace(new ConfEcho("fetch")).build();
    assertThat(SyncCollection.ofUrls("u1", "u2").withRegistry(registry).withConf(Map.of("k", "v")).toList())
        .containsExactly(Item.of(Map.of("k", "v", "url", "u1")), Item.of(Map.of("k", "v", "url", "u2")));
  }

  @Test
  void toListGivesUpAfterItsTimeoutNamingTheCollection() {
    server.route("/never.json", (request, response) -> reactor.core.publisher.Mono.never());
    SyncCollection stuck = SyncCollection.of(data(server.url("/never.json"))).withContext(CONTEXT);
    assertThatThrownBy(() -> stuck.toList(Duration.ofMillis(200)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the collection of 1 sources did not finish within PT0.2S");
  }
}
