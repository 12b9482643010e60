package riko.reactive.collection;

import java.util.Collections;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One source of a collection failed: which one, and why. Handed to the collection's
 * {@code onSourceError} callback (by default logged as an SLF4J warning) while the other sources
 * go on; carried by a {@link CollectionException} when the collection fails fast.
 *
 * <pre>{@code
 * List<SourceFailure> failures = new CopyOnWriteArrayList<>();
 * List<Item> items = AsyncCollection.of(sources).onSourceError(failures::add).fetch().collectList().block();
 * failures.forEach(f -> System.err.println(f.message()));
 * }</pre>
 *
 * @param index the source's position in the collection's source list, from 0
 * @param source the source map as given (without the collection's shared conf)
 * @param module the module that ran the source ({@code type}, default {@code fetch})
 * @param url the source's {@code url} conf as text (the first one when it is a list), if it has one
 * @param error what went wrong: usually a {@link riko.spi.ModuleException} naming the module and
 *     URL; a {@link riko.conf.ConfException} or {@link riko.registry.UnknownModuleException} when
 *     the source could not even be assembled
 */
public record SourceFailure(int index, Map<String, @Nullable Object> source, String module, @Nullable String url, Throwable error) {

  /** Keeps an unmodifiable view of {@code source}. */
  public SourceFailure {
    source = Collections.unmodifiableMap(source);
  }

  /**
   * The failure in one line, naming the source, its module and URL, and the error:
   * {@code collection source [1] (fetchdata http://host/x.json): module 'fetchdata': cannot read ...}.
   */
  public String message() {
    String cause = error.getMessage();
    return "collection source [" + index + "] (" + module + (url == null ? "" : " " + url) + "): "
        + (cause == null || cause.isBlank() ? error.getClass().getSimpleName() : cause);
  }
}
