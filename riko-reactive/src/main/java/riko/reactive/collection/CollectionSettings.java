package riko.reactive.collection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ModuleContext;

/**
 * What both faces of a collection share: the source maps, the shared conf, the context and
 * registry, the per-host limit and the failure policy; and fetching one source under them.
 */
record CollectionSettings(List<Map<String, @Nullable Object>> sources, Map<String, @Nullable Object> conf,
    ModuleContext context, ModuleRegistry registry, int perHost, boolean failFast, Consumer<SourceFailure> onSourceError) {

  private static final Logger LOG = LoggerFactory.getLogger("riko.reactive.collection");

  /** The default failure report: one SLF4J warning. */
  static final Consumer<SourceFailure> LOG_WARNING =
      failure -> LOG.warn("{} (the other sources still deliver)", failure.message());

  /** Default settings for these source maps. */
  static CollectionSettings of(List<? extends Map<String, ?>> sources) {
    List<Map<String, @Nullable Object>> copies = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Map<String, ?> source = sources.get(i);
      if (source == null) {
        throw new IllegalArgumentException("collection source [" + i + "] is null; each source is a map such as {\"url\": ...}");
      }
      copies.add(copy(source));
    }
    return new CollectionSettings(List.copyOf(copies), Map.of(), ModuleContext.defaults(), ModuleRegistry.standard(),
        Integer.MAX_VALUE, false, LOG_WARNING);
  }

  static Map<String, @Nullable Object> copy(Map<String, ?> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<String, @Nullable Object>(map));
  }

  CollectionSettings withConf(Map<String, ?> shared) {
    return new CollectionSettings(sources, copy(shared), context, registry, perHost, failFast, onSourceError);
  }

  CollectionSettings withContext(ModuleContext other) {
    return new CollectionSettings(sources, conf, other, registry, perHost, failFast, onSourceError);
  }

  CollectionSettings withRegistry(ModuleRegistry other) {
    return new CollectionSettings(sources, conf, context, other, perHost, failFast, onSourceError);
  }

  CollectionSettings withPerHost(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the per-host limit must be at least 1, was " + limit);
    }
    return new CollectionSettings(sources, conf, context, registry, limit, failFast, onSourceError);
  }

  CollectionSettings withFailFast(boolean fail) {
    return new CollectionSettings(sources, conf, context, registry, perHost, fail, onSourceError);
  }

  CollectionSettings withOnSourceError(Consumer<SourceFailure> report) {
    return new CollectionSettings(sources, conf, context, registry, perHost, failFast, report);
  }

  /**
   * Every source assembled, in order.
   *
   * @throws CollectionException naming the first source that cannot be assembled
   */
  List<CollectionSource> assemble() {
    List<CollectionSource> assembled = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      assembled.add(CollectionSource.assemble(i, sources.get(i), conf, registry, context));
    }
    return assembled;
  }

  /** A fresh per-host limit for one run. */
  HostLimit hostLimit() {
    return new HostLimit(perHost);
  }

  /**
   * One source's items under the per-host limit; a failure ends them and is reported (the stream
   * then completes), or with fail-fast becomes a {@link CollectionException}.
   */
  Flux<Item> fetch(CollectionSource source, HostLimit limit) {
    return limit.limit(source.origin(), Flux.defer(() -> source.pipe().flux()))
        .onErrorResume(error -> {
          SourceFailure failure = source.failure(error);
          if (failFast) {
            return Flux.error(new CollectionException(failure));
          }
          onSourceError.accept(failure);
          return Flux.empty();
        });
  }
}
