package riko.spi;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What an operator's logic returns: a stream of values (composers) or one value (aggregators;
 * an empty {@link Mono} stands for {@code null}).
 */
public abstract sealed class OperatorResult {

  private OperatorResult() {}

  /** A stream of values. */
  public static OperatorResult stream(Publisher<?> values) {
    return new Stream(Flux.from(values));
  }

  /** A single value; an empty mono means {@code null}. */
  public static OperatorResult single(Mono<?> value) {
    return new Single(value);
  }

  /** A stream of values. */
  public static final class Stream extends OperatorResult {
    private final Flux<?> values;

    Stream(Flux<?> values) {
      this.values = values;
    }

    /** The values. */
    public Flux<?> values() {
      return values;
    }
  }

  /** A single value. */
  public static final class Single extends OperatorResult {
    private final Mono<?> value;

    Single(Mono<?> value) {
      this.value = value;
    }

    /** The value; empty for {@code null}. */
    public Mono<?> value() {
      return value;
    }
  }
}
