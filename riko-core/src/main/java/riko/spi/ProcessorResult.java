package riko.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a processor's logic returns for one item: a single value (possibly a map, possibly
 * {@code null}) or a stream of values, possibly known only later. The distinction matters: riko
 * emits streams and maps by default and assigns other single values.
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

  /** An empty stream. */
  public static ProcessorResult none() {
    return new Stream(Flux.empty());
  }

  /**
   * A result known later, e.g. from a fetch or an asynchronous user function: it is folded
   * exactly like the result it completes with ({@code later(value.map(ProcessorResult::of))} is
   * assigned or emitted as {@link #of} would be); an empty {@link Mono} stands for the single
   * value {@code null}. Its error ends the stream like any module error.
   */
  public static ProcessorResult later(Mono<? extends ProcessorResult> result) {
    return new Later(result);
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

  /** A result known later. */
  public static final class Later extends ProcessorResult {
    private final Mono<ProcessorResult> result;

    Later(Mono<? extends ProcessorResult> result) {
      this.result = result.cast(ProcessorResult.class);
    }

    /** The result; empty for the single value {@code null}. */
    public Mono<ProcessorResult> result() {
      return result;
    }
  }
}
