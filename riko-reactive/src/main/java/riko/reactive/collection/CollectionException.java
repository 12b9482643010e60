package riko.reactive.collection;

import org.jspecify.annotations.Nullable;
import riko.spi.RikoException;

/**
 * A collection source failed and the collection stops: the source could not be assembled (unknown
 * module, bad conf: thrown when the stream is asked for), or it failed while fetching and the
 * collection was built with {@code failFast()} (signalled through the stream, after every item
 * already emitted). The message names the source's index, module and URL; the cause is the
 * source's own error.
 *
 * <pre>{@code
 * StepVerifier.create(AsyncCollection.of(sources).failFast().fetch())
 *     .expectErrorSatisfies(e -> assertThat(((CollectionException) e).url()).endsWith("/missing.json"))
 *     .verify(Duration.ofSeconds(10));
 * }</pre>
 */
public class CollectionException extends RikoException {

  private static final long serialVersionUID = 1L;

  /** The failing source's index in the source list. */
  private final int index;
  /** The failing source's module. */
  private final String module;
  /** The failing source's URL, when it has one. */
  private final @Nullable String url;

  /** The exception for {@code failure}; its message is {@link SourceFailure#message()}. */
  public CollectionException(SourceFailure failure) {
    super(failure.message(), failure.error());
    this.index = failure.index();
    this.module = failure.module();
    this.url = failure.url();
  }

  /** The failing source's position in the source list, from 0. */
  public int index() {
    return index;
  }

  /** The module that ran the failing source. */
  public String module() {
    return module;
  }

  /** The failing source's URL, if it had one. */
  public @Nullable String url() {
    return url;
  }
}
