package riko.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a processor's logic returns for one item: a single value (possibly a map, possibly
 * {@code null}), a single value that arrives later (a lookup over the network), or a stream of
 * values. The distinction matters: riko emits streams and maps by default and assigns other
 * single values.
 */
public abstract sealed class ProcessorResult {

  private ProcessorResult() {}

  /** A single value. */
  public static ProcessorResult of(@Nullable Object value) {
    return new Single(value);
  }

  /** A stream of values. */
  public static ProcessorResult stream(Publisher<?> values) {
    return new Stream(Flux.from(values));
  }

  /**
   * A single value that arrives later, e.g. from a fetch: once {@code value} emits, it is folded
   * exactly as {@link #of} folds it (a map is emitted by default, anything else assigned); an
   * empty {@code Mono} counts as {@code null}. Its error ends the stream like any module error.
   */
  public static ProcessorResult deferred(Mono<?> value) {
    return new Deferred(value);
  }

  /** An empty stream. */
  public static ProcessorResult none() {
    return new Stream(Flux.empty());
  }

  /** A single value. */
  public static final class Single extends ProcessorResult {
    private final @Nullable Object value;

    Single(@Nullable Object value) {
      this.value = value;
    }

    /** The value. */
    public @Nullable Object value() {
      return value;
    }
  }

  /** A single value that arrives later. */
  public static final class Deferred extends ProcessorResult {
    private final Mono<?> value;

    Deferred(Mono<?> value) {
      this.value = Objects.requireNonNull(value);
    }

    /** The value to come. */
    public Mono<?> value() {
      return value;
    }
  }

  /** A stream of values. */
  public static final class Stream extends ProcessorResult {
    private final Flux<?> values;

    Stream(Flux<?> values) {
      this.values = Objects.requireNonNull(values);
    }

    /** The values. */
    public Flux<?> values() {
      return values;
    }
  }
}
