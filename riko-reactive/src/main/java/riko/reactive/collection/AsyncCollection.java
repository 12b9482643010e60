package riko.reactive.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.pipe.Pipe;
import riko.registry.ModuleRegistry;
import riko.spi.InOrder;
import riko.spi.ModuleContext;

/**
 * riko's {@code AsyncCollection}: many sources fetched concurrently and merged into one
 * {@link Flux} of items. Immutable; every {@code with...} call returns a changed copy, and nothing
 * is fetched until the stream is subscribed (each subscription fetches afresh).
 *
 * <pre>{@code
 * Flux<Item> items = AsyncCollection.of(List.of(
 *         Map.of("url", "https://example.org/feed.xml"),
 *         Map.of("url", "https://example.org/gigs.json", "type", "fetchdata", "path", "value.items")))
 *     .withConnections(8)
 *     .withPerHostLimit(2)
 *     .fetch();
 * }</pre>
 *
 * <p><b>Sources.</b> Each source map S runs module {@code S.type} (default {@code fetch}, looked
 * up by name in the registry when the stream is asked for) with the collection's conf overlaid by
 * S, key by key. QUIRK (riko): the {@code type} key stays in the conf the module sees, which matters
 * for modules with a {@code type} conf key ({@code input}, {@code typecast}, {@code geolocate}).
 *
 * <p><b>Order.</b> {@link #fetch()} emits items as they arrive, interleaving the sources (riko's
 * default, {@code ordered: false}); {@link #fetchInOrder()} emits each source's items together,
 * in source order (riko's {@code ordered: true}), while still fetching up to
 * {@code connections} sources at once (later sources are buffered until their turn).
 *
 * <p><b>Limits.</b> At most {@link #withConnections connections} sources (default
 * {@value #DEFAULT_CONNECTIONS}, riko's default) are fetched at once, and at most
 * {@link #withPerHostLimit perHostLimit} of them from one origin (scheme, host, port; default: no
 * limit of its own, the HTTP client's connection pool still caps connections per host). A source
 * waiting for its host's turn holds one of the {@code connections} places. riko's
 * {@code prefetch} is not needed: Reactor's backpressure bounds what is buffered.
 *
 * <p><b>Failures.</b> A source that fails (HTTP error, missing file, bad data) ends only its own
 * items: the failure is reported as a {@link SourceFailure} (by default an SLF4J warning; see
 * {@link #onSourceError}), the other sources still deliver and the stream completes normally.
 * With {@link #failFast()}, the first failure ends the stream with a {@link CollectionException}
 * naming the source, after every item already emitted, and cancels the sources in flight.
 * A source whose module is unknown or whose conf is bad fails when the stream is asked for
 * ({@code fetch()}, {@code pipe(...)}), with a {@code CollectionException}, before anything is
 * fetched. Cancelling the subscriber cancels every source in flight (their HTTP connections are
 * closed or returned to the pool).
 */
public final class AsyncCollection {

  /** riko's default number of sources fetched at once. */
  public static final int DEFAULT_CONNECTIONS = 16;

  private final CollectionSettings settings;
  private final int connections;
  private final boolean ordered;

  private AsyncCollection(CollectionSettings settings, int connections, boolean ordered) {
    this.settings = settings;
    this.connections = connections;
    this.ordered = ordered;
  }

  /**
   * A collection of riko source maps, e.g. {@code [{"url": u1}, {"url": u2, "type": "fetchdata",
   * "path": "items"}]}, with default settings.
   *
   * @throws IllegalArgumentException when a source is null
   */
  public static AsyncCollection of(List<? extends Map<String, ?>> sources) {
    return new AsyncCollection(CollectionSettings.of(sources), DEFAULT_CONNECTIONS, false);
  }

  /** As {@link #of(List)}: {@code AsyncCollection.of(Map.of("url", u1), Map.of("url", u2))}. */
  @SafeVarargs
  public static AsyncCollection of(Map<String, ?>... sources) {
    List<Map<String, ?>> list = new ArrayList<>(sources.length);
    for (Map<String, ?> source : sources) {
      list.add(source);
    }
    return of(list);
  }

  /** A collection of {@code {"url": url}} sources, read by the default module {@code fetch}: {@code AsyncCollection.ofUrls(u1, u2)}. */
  public static AsyncCollection ofUrls(String... urls) {
    return of(Arrays.stream(urls).map(url -> Map.of("url", url)).toList());
  }

  /** A copy whose sources see {@code conf} under their own keys: {@code withConf(Map.of("path", "items"))}. */
  public AsyncCollection withConf(Map<String, ?> conf) {
    return new AsyncCollection(settings.withConf(conf), connections, ordered);
  }

  /** A copy running its sources with this context (fetcher, inputs, data directory). */
  public AsyncCollection withContext(ModuleContext context) {
    return new AsyncCollection(settings.withContext(Objects.requireNonNull(context, "context")), connections, ordered);
  }

  /** A copy looking source modules (and modules chained with {@code pipe}) up in {@code registry}. */
  public AsyncCollection withRegistry(ModuleRegistry registry) {
    return new AsyncCollection(settings.withRegistry(Objects.requireNonNull(registry, "registry")), connections, ordered);
  }

  /**
   * A copy fetching at most {@code connections} sources at once: {@code withConnections(4)}.
   *
   * @throws IllegalArgumentException when {@code connections < 1}
   */
  public AsyncCollection withConnections(int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be at least 1, was " + connections);
    }
    return new AsyncCollection(settings, connections, ordered);
  }

  /**
   * A copy fetching at most {@code limit} sources of one origin (scheme, host, port) at once:
   * {@code withPerHostLimit(2)}. A source counts against the origin of its {@code url} conf (the
   * first URL of a list); sources whose URL comes from items ({@code subkey}) and non-HTTP
   * sources (files) are not limited.
   *
   * @throws IllegalArgumentException when {@code limit < 1}
   */
  public AsyncCollection withPerHostLimit(int limit) {
    return new AsyncCollection(settings.withPerHost(limit), connections, ordered);
  }

  /**
   * A copy whose {@link #flux()} (and {@code pipe(...)}) keeps source order (riko's
   * {@code ordered}): {@code withOrdered(true).pipe("sort", conf)}.
   */
  public AsyncCollection withOrdered(boolean ordered) {
    return new AsyncCollection(settings, connections, ordered);
  }

  /**
   * A copy that stops at the first failing source: the stream ends with a
   * {@link CollectionException} after the items already emitted, and the sources in flight are
   * cancelled. {@code AsyncCollection.of(sources).failFast().fetch()}.
   */
  public AsyncCollection failFast() {
    return new AsyncCollection(settings.withFailFast(true), connections, ordered);
  }

  /**
   * A copy reporting each failing source to {@code report} (instead of the default SLF4J warning)
   * while the other sources go on: {@code onSourceError(failures::add)}. The callback runs on the
   * thread that saw the failure; it must not block. Ignored with {@link #failFast()}.
   */
  public AsyncCollection onSourceError(Consumer<SourceFailure> report) {
    return new AsyncCollection(settings.withOnSourceError(Objects.requireNonNull(report, "report")), connections, ordered);
  }

  /**
   * The items of every source as they arrive, sources interleaved (riko's {@code ordered: false}).
   *
   * <pre>{@code
   * AsyncCollection.ofUrls(u1, u2, u3).fetch().subscribe(item -> System.out.println(item.get("title")));
   * }</pre>
   *
   * @throws CollectionException when a source cannot be assembled (unknown module, bad conf)
   */
  public Flux<Item> fetch() {
    List<CollectionSource> sources = settings.assemble();
    return Flux.defer(() -> {
      HostLimit limit = settings.hostLimit();
      return Flux.fromIterable(sources).flatMap(source -> settings.fetch(source, limit), connections);
    });
  }

  /**
   * The items source by source, in source order, each source's items together (riko's
   * {@code ordered: true}); up to {@code connections} sources are still fetched at once.
   *
   * <pre>{@code
   * List<Item> items = AsyncCollection.ofUrls(u1, u2).fetchInOrder().collectList().block();
   * }</pre>
   *
   * @throws CollectionException when a source cannot be assembled (unknown module, bad conf)
   */
  public Flux<Item> fetchInOrder() {
    List<CollectionSource> sources = settings.assemble();
    return Flux.defer(() -> {
      HostLimit limit = settings.hostLimit();
      return InOrder.flatMap(Flux.fromIterable(sources), source -> settings.fetch(source, limit), connections);
    });
  }

  /** {@link #fetchInOrder()} when the collection is {@link #withOrdered ordered}, else {@link #fetch()}. */
  public Flux<Item> flux() {
    return ordered ? fetchInOrder() : fetch();
  }

  /**
   * A pipe whose source is this collection ({@link #flux()}), with its context and registry, for
   * chaining: {@code collection.asPipe().filter(rule).sort(order).flux()}.
   */
  public Pipe asPipe() {
    return Pipe.from(flux()).withRegistry(settings.registry()).withContext(settings.context());
  }

  /**
   * Chains module {@code module} on this collection (riko's {@code collection.async_pipe(...)}):
   * {@code collection.pipe("sort", Map.of("rule", Map.of("field", "title"))).flux()}.
   */
  public Pipe pipe(String module, Map<String, ?> conf, CallOptions options) {
    return asPipe().pipe(module, conf, options);
  }

  /** As {@link #pipe(String, Map, CallOptions)} with default options. */
  public Pipe pipe(String module, Map<String, ?> conf) {
    return asPipe().pipe(module, conf);
  }

  /** As {@link #pipe(String, Map, CallOptions)} with an empty conf: {@code collection.pipe("count")}. */
  public Pipe pipe(String module) {
    return asPipe().pipe(module);
  }
}
