package riko.spi;

import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Concurrent mapping that keeps input order, errors included: Reactor's
 * {@code flatMapSequential} with the error semantics of {@code concatMap}.
 *
 * <pre>{@code
 * Flux<Item> all = InOrder.flatMap(urls, url -> fetch(url), 16);
 * }</pre>
 *
 * <p>Up to {@code concurrency} inner publishers run at once; their values are emitted in input
 * order. A failing inner publisher ends the stream only when its turn comes: every value of the
 * inputs before it is emitted first, and the inner publishers still running after it are
 * cancelled. An error of the input itself comes after the values of every input before it. (A plain {@code flatMapSequential} fails at once and drops the values of earlier
 * inputs that were still buffered.)
 */
public final class InOrder {

  private InOrder() {}

  /**
   * Maps every input to a publisher, runs up to {@code concurrency} of them at once and emits
   * their values in input order.
   *
   * @param concurrency how many inner publishers may run at once (at least 1)
   */
  public static <T, R> Flux<R> flatMap(Flux<T> input, Function<? super T, ? extends Publisher<? extends R>> mapper,
      int concurrency) {
    return input
        .<Object>map(element -> element)
        .onErrorResume(e -> Flux.just(new Failed(e)))
        .flatMapSequential(element -> {
          if (element instanceof Failed failed) {
            return Flux.just(failed);
          }
          @SuppressWarnings("unchecked")
          T value = (T) element;
          return Flux.<R>from(mapper.apply(value))
              .<Object>map(result -> result)
              .onErrorResume(e -> Flux.just(new Failed(e)));
        }, concurrency)
        .handle((value, sink) -> {
          if (value instanceof Failed failed) {
            sink.error(failed.error());
          } else {
            @SuppressWarnings("unchecked")
            R result = (R) value;
            sink.next(result);
          }
        });
  }

  /** An inner publisher's failure, carried in order among the values until its turn comes. */
  private record Failed(Throwable error) {}
}
