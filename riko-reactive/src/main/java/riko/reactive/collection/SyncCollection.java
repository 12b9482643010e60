package riko.reactive.collection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import riko.conf.CallOptions;
import riko.item.Item;
import riko.pipe.Pipe;
import riko.registry.ModuleRegistry;
import riko.spi.InOrder;
import riko.spi.ModuleContext;

/**
 * riko's {@code SyncCollection}: the blocking face of a collection, for scripts and code that is
 * not reactive. Same sources, conf overlay (with riko's {@code type} QUIRK), per-host limit and
 * failure policy as {@link AsyncCollection}, and the same items; immutable, each {@code with...}
 * call returns a changed copy, and each {@link #toList()} / {@link #toIterable()} /
 * {@link #stream()} fetches afresh.
 *
 * <pre>{@code
 * List<Item> items = SyncCollection.of(List.of(
 *         Map.of("url", "https://example.org/feed.xml"),
 *         Map.of("url", "https://example.org/gigs.json", "type", "fetchdata", "path", "value.items")))
 *     .withParallel(true)
 *     .toList();
 * }</pre>
 *
 * <p><b>Modes</b> (riko's options):
 * <ul>
 *   <li>sequential (default): all items of source 0, then of source 1, and so on; a source is
 *       fetched only once the previous one is done.
 *   <li>{@code parallel}: up to {@code workers} sources (default {@code min(sources, cores * 2)})
 *       are fetched at once; each source's items stay together. Sources come whole in completion
 *       order (each source is read completely before its items are handed out), or with
 *       {@code ordered} in source order (a source's items are handed out as they arrive once its
 *       turn has come). riko's {@code threads} (thread or process pool) and {@code pool} options
 *       have no counterpart: the fetching is non-blocking and needs no pool.
 * </ul>
 *
 * <p><b>Failures.</b> As for {@link AsyncCollection}: a failing source is reported (default: an
 * SLF4J warning; {@link #onSourceError}) and the others still deliver, or with {@link #failFast()}
 * the first failure is thrown (a {@link CollectionException}, unchecked; from {@code toList()},
 * or from the iterator's {@code hasNext()}/{@code next()} after the items before it).
 */
public final class SyncCollection {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final CollectionSettings settings;
  private final boolean parallel;
  private final int workers;
  private final boolean ordered;

  private SyncCollection(CollectionSettings settings, boolean parallel, int workers, boolean ordered) {
    this.settings = settings;
    this.parallel = parallel;
    this.workers = workers;
    this.ordered = ordered;
  }

  /**
   * A collection of riko source maps, sequential by default.
   *
   * @throws IllegalArgumentException when a source is null
   */
  public static SyncCollection of(List<? extends Map<String, ?>> sources) {
    return new SyncCollection(CollectionSettings.of(sources), false, 0, false);
  }

  /** As {@link #of(List)}: {@code SyncCollection.of(Map.of("url", u1), Map.of("url", u2))}. */
  @SafeVarargs
  public static SyncCollection of(Map<String, ?>... sources) {
    List<Map<String, ?>> list = new ArrayList<>(sources.length);
    for (Map<String, ?> source : sources) {
      list.add(source);
    }
    return of(list);
  }

  /** A collection of {@code {"url": url}} sources, read by the default module {@code fetch}. */
  public static SyncCollection ofUrls(String... urls) {
    return of(Arrays.stream(urls).map(url -> Map.of("url", url)).toList());
  }

  /** A copy whose sources see {@code conf} under their own keys: {@code withConf(Map.of("path", "items"))}. */
  public SyncCollection withConf(Map<String, ?> conf) {
    return new SyncCollection(settings.withConf(conf), parallel, workers, ordered);
  }

  /** A copy running its sources with this context (fetcher, inputs, data directory). */
  public SyncCollection withContext(ModuleContext context) {
    return new SyncCollection(settings.withContext(Objects.requireNonNull(context, "context")), parallel, workers, ordered);
  }

  /** A copy looking source modules (and modules chained with {@code pipe}) up in {@code registry}. */
  public SyncCollection withRegistry(ModuleRegistry registry) {
    return new SyncCollection(settings.withRegistry(Objects.requireNonNull(registry, "registry")), parallel, workers, ordered);
  }

  /** A copy fetching sources concurrently ({@code true}) or one after the other: {@code withParallel(true)}. */
  public SyncCollection withParallel(boolean parallel) {
    return new SyncCollection(settings, parallel, workers, ordered);
  }

  /**
   * A copy fetching at most {@code workers} sources at once in parallel mode: {@code withWorkers(4)}.
   *
   * @throws IllegalArgumentException when {@code workers < 1}
   */
  public SyncCollection withWorkers(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    return new SyncCollection(settings, parallel, workers, ordered);
  }

  /** A copy that, in parallel mode, hands sources out in source order: {@code withParallel(true).withOrdered(true)}. */
  public SyncCollection withOrdered(boolean ordered) {
    return new SyncCollection(settings, parallel, workers, ordered);
  }

  /**
   * A copy fetching at most {@code limit} sources of one origin (scheme, host, port) at once. A
   * source counts against the origin of its {@code url} conf (the first URL of a list); sources
   * whose URL comes from items ({@code subkey}) and non-HTTP sources (files) are not limited.
   *
   * @throws IllegalArgumentException when {@code limit < 1}
   */
  public SyncCollection withPerHostLimit(int limit) {
    return new SyncCollection(settings.withPerHost(limit), parallel, workers, ordered);
  }

  /** A copy that throws the first source failure (a {@link CollectionException}) instead of reporting it. */
  public SyncCollection failFast() {
    return new SyncCollection(settings.withFailFast(true), parallel, workers, ordered);
  }

  /** A copy reporting each failing source to {@code report} (default: an SLF4J warning): {@code onSourceError(failures::add)}. */
  public SyncCollection onSourceError(Consumer<SourceFailure> report) {
    return new SyncCollection(settings.withOnSourceError(Objects.requireNonNull(report, "report")), parallel, workers, ordered);
  }

  /** The number of sources fetched at once in parallel mode: as set, else {@code min(sources, cores * 2)}, at least 1. */
  public int workers() {
    if (workers > 0) {
      return workers;
    }
    return Math.max(1, Math.min(settings.sources().size(), Runtime.getRuntime().availableProcessors() * 2));
  }

  /**
   * The items as a {@link Flux}, in this collection's mode, for callers that want to go reactive.
   *
   * @throws CollectionException when a source cannot be assembled (unknown module, bad conf)
   */
  public Flux<Item> flux() {
    List<CollectionSource> sources = settings.assemble();
    int concurrency = workers();
    return Flux.defer(() -> {
      HostLimit limit = settings.hostLimit();
      Flux<CollectionSource> each = Flux.fromIterable(sources);
      if (!parallel) {
        return each.concatMap(source -> settings.fetch(source, limit));
      }
      if (ordered) {
        return InOrder.flatMap(each, source -> settings.fetch(source, limit), concurrency);
      }
      return each.flatMap(source -> whole(settings.fetch(source, limit)), concurrency);
    });
  }

  /** A source's items handed out at once when it ends (after a failure too: its items are kept). */
  private static Flux<Item> whole(Flux<Item> items) {
    return Flux.defer(() -> {
      List<Item> read = new ArrayList<>();
      return items.doOnNext(read::add)
          .thenMany(Flux.defer(() -> Flux.fromIterable(read)))
          .onErrorResume(error -> Flux.fromIterable(read).concatWith(Flux.error(error)));
    });
  }

  /**
   * Every item, waiting at most 5 minutes. Blocking: never call it from a reactive thread.
   *
   * <pre>{@code
   * List<Item> items = SyncCollection.ofUrls(u1, u2).toList();
   * }</pre>
   *
   * @throws CollectionException with {@link #failFast()}, on the first failing source
   */
  public List<Item> toList() {
    return toList(DEFAULT_TIMEOUT);
  }

  /**
   * Every item, waiting at most {@code timeout}. Blocking.
   *
   * @throws CollectionException with {@link #failFast()}, on the first failing source
   * @throws IllegalStateException when the collection has not finished within {@code timeout}
   *     (the sources in flight are cancelled)
   */
  public List<Item> toList(Duration timeout) {
    List<Item> items = flux().collectList()
        .timeout(timeout, Mono.error(() -> new IllegalStateException("the collection of " + settings.sources().size()
            + " sources did not finish within " + timeout + " and was cancelled; toList(Duration) waits longer")))
        .block();
    return items == null ? List.of() : items;
  }

  /**
   * The items as a blocking iterable, fetched as the loop asks for them:
   * {@code for (Item item : collection.toIterable()) { ... }}. With {@link #failFast()}, the
   * failure is thrown by {@code hasNext()} once every item received before it has been read.
   * Leaving the loop early does not stop the fetches (an iterator cannot be closed): they run until
   * they end or time out. Use {@link #stream()} in try-with-resources to stop early.
   */
  public Iterable<Item> toIterable() {
    Flux<Signal<Item>> signals = flux().materialize();
    return () -> new SignalIterator(signals.toIterable().iterator());
  }

  /**
   * The items as a blocking, sequential stream; close it to stop early (the sources in flight are
   * cancelled): {@code try (Stream<Item> items = collection.stream()) { ... }}. A fail-fast
   * failure is thrown after every item received before it.
   */
  public Stream<Item> stream() {
    Stream<Signal<Item>> signals = flux().materialize().toStream();
    Iterator<Item> items = new SignalIterator(signals.iterator());
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(signals::close);
  }

  /**
   * Items from a materialised stream: each item, then the end, or the error once the items before
   * it have been read (Reactor's own blocking iterator throws a queued error first, dropping them).
   */
  private static final class SignalIterator implements Iterator<Item> {

    private final Iterator<Signal<Item>> signals;
    private @Nullable Signal<Item> head;
    private boolean ended;

    SignalIterator(Iterator<Signal<Item>> signals) {
      this.signals = signals;
    }

    @Override
    public boolean hasNext() {
      if (ended) {
        return false;
      }
      Signal<Item> signal = head;
      if (signal == null) {
        signal = signals.next();
        head = signal;
      }
      Throwable error = signal.getThrowable();
      if (signal.isOnError() && error != null) {
        ended = true;
        throw Exceptions.propagate(error);
      }
      if (!signal.isOnNext()) {
        ended = true;
        return false;
      }
      return true;
    }

    @Override
    public Item next() {
      Signal<Item> signal = hasNext() ? head : null;
      Item item = signal == null ? null : signal.get();
      if (item == null) {
        throw new NoSuchElementException("no more items in the collection");
      }
      head = null;
      return item;
    }
  }

  /**
   * A pipe whose source is this collection, with its context and registry, for chaining (riko's
   * {@code collection.pipe(...)}): {@code collection.asPipe().truncate(10).toList()}.
   */
  public Pipe asPipe() {
    return Pipe.from(flux()).withRegistry(settings.registry()).withContext(settings.context());
  }

  /** Chains module {@code module} on this collection: {@code collection.pipe("sort", conf, CallOptions.none())}. */
  public Pipe pipe(String module, Map<String, ?> conf, CallOptions options) {
    return asPipe().pipe(module, conf, options);
  }

  /** As {@link #pipe(String, Map, CallOptions)} with default options: {@code collection.pipe("sort", conf).toList()}. */
  public Pipe pipe(String module, Map<String, ?> conf) {
    return asPipe().pipe(module, conf);
  }

  /** As {@link #pipe(String, Map, CallOptions)} with an empty conf: {@code collection.pipe("count").toList()}. */
  public Pipe pipe(String module) {
    return asPipe().pipe(module);
  }
}
