package riko.reactive.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import riko.item.Item;
import riko.reactive.http.FileFetcher;
import riko.reactive.http.HttpFetcher;
import riko.reactive.http.HttpFetcherConfig;
import riko.reactive.http.StandardFetcher;
import riko.reactive.testing.LocalHttpServer;
import riko.registry.ModuleRegistry;
import riko.registry.UnknownModuleException;
import riko.spi.ModuleContext;
import riko.spi.ModuleException;
import riko.testing.SharedData;

class AsyncCollectionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  @RegisterExtension
  static final LocalHttpServer server = new LocalHttpServer();

  @RegisterExtension
  static final LocalHttpServer other = new LocalHttpServer();

  private static final Path DATA = SharedData.fixtures();
  /** Enough connections per host that the pool is never what limits a test. */
  private static final HttpFetcher http = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(32));
  private static final ModuleContext CONTEXT =
      ModuleContext.defaults().withFetcher(new StandardFetcher(http, new FileFetcher(DATA)));

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

  @Test
  void mergesTheItemsOfEverySource() {
    List<Item> items = AsyncCollection.of(
            Map.of("url", "file://riko/data/gigs.json", "type", "fetchdata", "path", "value.items"),
            Map.of("url", "file://riko/data/places.xml", "type", "fetchdata", "path", "appointment"))
        .withContext(CONTEXT)
        .fetchInOrder()
        .collectList()
        .block(TIMEOUT);
    List<Item> gigs = riko.pipe.Pipe.of("fetchdata", Map.of("url", "file://riko/data/gigs.json", "path", "value.items"))
        .withContext(CONTEXT).toList();
    List<Item> places = riko.pipe.Pipe.of("fetchdata", Map.of("url", "file://riko/data/places.xml", "path", "appointment"))
        .withContext(CONTEXT).toList();
    assertThat(gigs).hasSize(49);
    assertThat(places).isNotEmpty();
    assertThat(items).hasSize(gigs.size() + places.size());
    assertThat(items.subList(0, 49)).isEqualTo(gigs);
    assertThat(items.subList(49, items.size())).isEqualTo(places);
  }

  @Test
  void sourcesWithoutTypeRunTheFetchModuleAndSeeTheSharedConfWithTheirTypeKey() {
    ModuleRegistry registry = ModuleRegistry.standard().toBuilder()
        .replace(new ConfEcho("fetch"))
        .replace(new ConfEcho("echo"))
        .build();
    AsyncCollection collection = AsyncCollection.of(List.of(
            Map.of("url", "http://a.example/x", "x", 1),
            Map.of("type", "echo", "X", 2)))
        .withConf(Map.of("shared", "s", "x", 0))
        .withRegistry(registry);

    StepVerifier.create(collection.fetchInOrder())
        .expectNext(Item.of(Map.of("shared", "s", "x", 1L, "url", "http://a.example/x")))
        .assertNext(item -> {
          // QUIRK: the type key stays in the conf the module sees
          assertThat(item.get("type")).isEqualTo("echo");
          assertThat(item.get("x")).isEqualTo(2L);
          assertThat(item.get("shared")).isEqualTo("s");
        })
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void aSourceThatCannotBeAssembledFailsWhenTheStreamIsAskedFor() {
    AsyncCollection collection = AsyncCollection.of(data(server.url("/a.json")), Map.of("type", "nosuchmodule", "url", "u"));
    assertThatThrownBy(collection::fetch)
        .isInstanceOf(CollectionException.class)
        .hasMessageContaining("collection source [1] (nosuchmodule u)")
        .hasCauseInstanceOf(UnknownModuleException.class)
        .satisfies(e -> assertThat(((CollectionException) e).index()).isEqualTo(1));
    assertThatThrownBy(() -> collection.pipe("count")).isInstanceOf(CollectionException.class);
  }

  @Test
  void anEmptyCollectionCompletesEmpty() {
    StepVerifier.create(AsyncCollection.of(List.of()).fetch()).expectComplete().verify(TIMEOUT);
    StepVerifier.create(AsyncCollection.of(List.of()).fetchInOrder()).expectComplete().verify(TIMEOUT);
    assertThat(AsyncCollection.of(List.of()).pipe("count").toList()).containsExactly(Item.of("count", 0L));
  }

  @Test
  void fetchInterleavesItemsAsTheyArrive() {
    // a sends a0, then waits until the consumer has b's last item; b waits until the consumer has a0
    Sinks.Empty<Void> gotA0 = Sinks.empty();
    Sinks.Empty<Void> gotB1 = Sinks.empty();
    server.route("/interleave/a.json", (request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
        .sendString(Flux.concat(Mono.just("[{\"source\": \"a\", \"n\": 0}"),
            gotB1.asMono().timeout(TIMEOUT).then(Mono.just(", {\"source\": \"a\", \"n\": 1}]")))));
    server.route("/interleave/b.json", (request, response) -> gotA0.asMono().timeout(TIMEOUT)
        .then(Mono.defer(() -> Mono.from(InFlight.json(InFlight.records("b", 2)).apply(request, response)))));

    Flux<Item> items = AsyncCollection.of(data(server.url("/interleave/a.json")), data(server.url("/interleave/b.json")))
        .withContext(CONTEXT)
        .fetch()
        .doOnNext(item -> {
          if (label(item).equals("a0")) {
            gotA0.tryEmitEmpty();
          } else if (label(item).equals("b1")) {
            gotB1.tryEmitEmpty();
          }
        });
    StepVerifier.create(items.map(AsyncCollectionTest::label))
        .expectNext("a0", "b0", "b1", "a1")
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void fetchInOrderKeepsSourceOrderWhileFetchingConcurrently() {
    // a answers only once b has been answered: in source order a comes first all the same
    Sinks.Empty<Void> bServed = Sinks.empty();
    server.route("/ordered/a.json", (request, response) -> bServed.asMono().timeout(TIMEOUT)
        .then(Mono.defer(() -> Mono.from(InFlight.json(InFlight.records("a", 3)).apply(request, response)))));
    server.route("/ordered/b.json", (request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
        .sendString(Mono.just(InFlight.records("b", 2))).then().doOnSuccess(done -> bServed.tryEmitEmpty()));
    AsyncCollection collection = AsyncCollection.of(data(server.url("/ordered/a.json")), data(server.url("/ordered/b.json")))
        .withContext(CONTEXT);

    StepVerifier.create(collection.fetchInOrder().map(AsyncCollectionTest::label))
        .expectNext("a0", "a1", "a2", "b0", "b1")
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(collection.withOrdered(true).flux().map(AsyncCollectionTest::label))
        .expectNext("a0", "a1", "a2", "b0", "b1")
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void fetchesAtMostConnectionsSourcesAtOnce() {
    InFlight inFlight = new InFlight(3);
    List<Map<String, Object>> sources = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 8; i++) {
      server.route("/bound/" + i + ".json", InFlight.answer(InFlight.records("s" + i, 2), inFlight, inFlight));
      sources.add(data(server.url("/bound/" + i + ".json")));
    }
    StepVerifier.create(AsyncCollection.of(sources).withContext(CONTEXT).withConnections(3).fetch())
        .expectNextCount(16)
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(inFlight.max()).isEqualTo(3);
  }

  @Test
  void fetchesAtMostPerHostLimitSourcesOfOneHostAtOnce() {
    InFlight total = new InFlight(4);
    InFlight first = new InFlight(Integer.MAX_VALUE);
    InFlight second = new InFlight(Integer.MAX_VALUE);
    List<Map<String, Object>> sources = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 4; i++) {
      server.route("/host/" + i + ".json", InFlight.answer(InFlight.records("a" + i, 1), total, total, first));
      sources.add(data(server.url("/host/" + i + ".json")));
    }
    for (int i = 0; i < 4; i++) {
      other.route("/host/" + i + ".json", InFlight.answer(InFlight.records("b" + i, 1), total, total, second));
      sources.add(data(other.url("/host/" + i + ".json")));
    }
    StepVerifier.create(AsyncCollection.of(sources).withContext(CONTEXT).withPerHostLimit(2).fetch())
        .expectNextCount(8)
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(first.max()).isEqualTo(2);
    assertThat(second.max()).isEqualTo(2);
    assertThat(total.max()).isEqualTo(4);

    assertThatThrownBy(() -> AsyncCollection.of(sources).withPerHostLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AsyncCollection.of(sources).withConnections(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailingSourceIsReportedWhileTheOthersDeliver() {
    server.route("/fail/a.json", InFlight.json(InFlight.records("a", 2)));
    server.route("/fail/c.json", InFlight.json(InFlight.records("c", 2)));
    List<SourceFailure> failures = new CopyOnWriteArrayList<>();
    String bad = server.url("/status/500");
    AsyncCollection collection = AsyncCollection.of(data(server.url("/fail/a.json")), data(bad), data(server.url("/fail/c.json")))
        .withContext(CONTEXT)
        .onSourceError(failures::add);

    StepVerifier.create(collection.fetchInOrder().map(AsyncCollectionTest::label))
        .expectNext("a0", "a1", "c0", "c1")
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(failures).singleElement().satisfies(failure -> {
      assertThat(failure.index()).isEqualTo(1);
      assertThat(failure.module()).isEqualTo("fetchdata");
      assertThat(failure.url()).isEqualTo(bad);
      assertThat(failure.source()).isEqualTo(data(bad));
      assertThat(failure.error()).isInstanceOf(ModuleException.class).hasMessageContaining("500");
      assertThat(failure.message()).startsWith("collection source [1] (fetchdata " + bad + "): module 'fetchdata'");
    });

    // the default report is a log warning: the stream still completes
    StepVerifier.create(AsyncCollection.of(data(bad), data(server.url("/fail/c.json"))).withContext(CONTEXT).fetch())
        .expectNextCount(2)
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void failFastEndsTheStreamWithTheFirstFailureAfterTheItemsAlreadyEmitted() {
    server.route("/failfast/a.json", InFlight.json(InFlight.records("a", 2)));
    server.route("/failfast/c.json", InFlight.json(InFlight.records("c", 2)));
    String bad = server.url("/failfast/missing.json");
    List<SourceFailure> failures = new CopyOnWriteArrayList<>();
    AsyncCollection collection = AsyncCollection.of(data(server.url("/failfast/a.json")), data(bad), data(server.url("/failfast/c.json")))
        .withContext(CONTEXT)
        .onSourceError(failures::add)
        .failFast();

    StepVerifier.create(collection.fetchInOrder().map(AsyncCollectionTest::label))
        .expectNext("a0", "a1")
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(CollectionException.class)
              .hasMessageStartingWith("collection source [1] (fetchdata " + bad + "): module 'fetchdata'")
              .hasMessageContaining("404")
              .hasCauseInstanceOf(ModuleException.class);
          CollectionException failure = (CollectionException) e;
          assertThat(failure.index()).isEqualTo(1);
          assertThat(failure.url()).isEqualTo(bad);
          assertThat(failure.module()).isEqualTo("fetchdata");
        })
        .verify(TIMEOUT);
    assertThat(failures).isEmpty();
  }

  @Test
  void failFastCancelsTheSourcesInFlight() throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    server.route("/failfast/endless.json", endless(closed));
    AsyncCollection collection = AsyncCollection.of(data(server.url("/failfast/endless.json")), data(server.url("/status/503")))
        .withContext(CONTEXT)
        .failFast();

    StepVerifier.create(collection.fetch())
        .thenConsumeWhile(item -> true)
        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CollectionException.class).hasMessageContaining("/status/503"))
        .verify(TIMEOUT);
    assertThat(closed.await(10, TimeUnit.SECONDS)).as("the endless response was closed").isTrue();
  }

  @Test
  void cancellingTheConsumerClosesTheConnectionsInFlightAndFreesThePool() throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(2);
    server.route("/cancel/endless1.json", endless(closed));
    server.route("/cancel/endless2.json", endless(closed));
    server.route("/cancel/after.json", InFlight.json(InFlight.records("after", 3)));
    // one connection per host: a connection kept busy by a cancelled source would block the next fetch
    try (HttpFetcher single = new HttpFetcher(HttpFetcherConfig.defaults().withMaxConnectionsPerHost(2))) {
      ModuleContext context = ModuleContext.defaults().withFetcher(single);
      AsyncCollection endless = AsyncCollection.of(data(server.url("/cancel/endless1.json")), data(server.url("/cancel/endless2.json")))
          .withContext(context);

      StepVerifier.create(endless.fetch())
          .expectNextCount(4)
          .thenCancel()
          .verify(TIMEOUT);
      assertThat(closed.await(10, TimeUnit.SECONDS)).as("both endless responses were closed").isTrue();

      StepVerifier.create(AsyncCollection.of(data(server.url("/cancel/after.json")), data(server.url("/cancel/after.json")))
              .withContext(context).fetch())
          .expectNextCount(6)
          .expectComplete()
          .verify(TIMEOUT);
    }
  }

  @Test
  void chainsModulesOnTheCollection() {
    server.route("/chain/a.json", InFlight.json(InFlight.records("a", 3)));
    server.route("/chain/b.json", InFlight.json(InFlight.records("b", 2)));
    AsyncCollection collection = AsyncCollection.of(data(server.url("/chain/a.json")), data(server.url("/chain/b.json")))
        .withContext(CONTEXT);

    StepVerifier.create(collection.pipe("count").flux())
        .expectNext(Item.of("count", 5L))
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(collection.withOrdered(true).pipe("truncate", Map.of("count", 4)).flux().map(AsyncCollectionTest::label))
        .expectNext("a0", "a1", "a2", "b0")
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(collection.asPipe().sort(Map.of("rule", Map.of("field", "n", "dir", "desc"))).flux().map(item -> item.get("n")))
        .expectNext(2L, 1L, 1L, 0L, 0L)
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void theJavaFormsBuildTheSameSources() {
    ModuleRegistry registry = ModuleRegistry.standard().toBuilder().replace(new ConfEcho("fetch")).build();
    StepVerifier.create(AsyncCollection.ofUrls("u1", "u2").withRegistry(registry).fetchInOrder().map(item -> item.get("url")))
        .expectNext("u1", "u2")
        .expectComplete()
        .verify(TIMEOUT);
    assertThatThrownBy(() -> AsyncCollection.of(java.util.Arrays.asList(Map.of("url", "u"), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1]");
  }

  /** A JSON array that never ends (a record every 20 ms); counts {@code closed} down when the server sees the connection go. */
  static LocalHttpServer.Handler endless(CountDownLatch closed) {
    return (request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
        .sendString(Flux.concat(Mono.just("["),
            Flux.interval(Duration.ofMillis(20)).map(i -> (i == 0 ? "" : ", ") + "{\"source\": \"e\", \"n\": " + i + "}"))
            .doFinally(signal -> closed.countDown()));
  }
}
