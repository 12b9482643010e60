package riko.reactive.collection;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import riko.reactive.testing.LocalHttpServer;

/**
 * Counts the requests a test server is answering at once, server-side. Each request counted by
 * {@link #answer} is held until {@code expected} requests are in flight together (or 5 s have
 * passed), then stops counting just before its body is sent, so that the client cannot start
 * another request before this one is counted out. A concurrency bound of {@code expected} thus
 * shows as a maximum of exactly {@code expected}: fewer means the requests did not overlap,
 * more means the bound was broken.
 */
final class InFlight {

  private final int expected;
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger max = new AtomicInteger();
  private final Sinks.Empty<Void> reached = Sinks.empty();

  InFlight(int expected) {
    this.expected = expected;
  }

  /** The most requests seen in flight at once. */
  int max() {
    return max.get();
  }

  /** Counts a request in. */
  void enter() {
    max.accumulateAndGet(now.incrementAndGet(), Math::max);
  }

  /** Lets the held requests go once {@code expected} are in flight together. */
  void check() {
    if (now.get() >= expected) {
      reached.tryEmitEmpty();
    }
  }

  /** Counts a request out. */
  void leave() {
    now.decrementAndGet();
  }

  /** Completes once {@code expected} requests have been in flight together, or after 5 s. */
  Mono<Void> full() {
    return reached.asMono().timeout(Duration.ofSeconds(5), Mono.empty());
  }

  /**
   * A handler answering {@code json} once {@code gate}'s requests are all in flight; the request
   * is counted by each of {@code counters} (usually including {@code gate}).
   */
  static LocalHttpServer.Handler answer(String json, InFlight gate, InFlight... counters) {
    return (request, response) -> {
      for (InFlight counter : counters) {
        counter.enter();
      }
      gate.check(); // after every counter has this request, so none is let go before all count it
      return gate.full()
          .then(Mono.fromRunnable(() -> List.of(counters).forEach(InFlight::leave)))
          .then(response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(json)).then());
    };
  }

  /** A JSON array of {@code count} records {@code {"source": source, "n": i}}. */
  static String records(String source, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "{\"source\": \"" + source + "\", \"n\": " + i + "}")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** A JSON handler answering {@code json} at once. */
  static LocalHttpServer.Handler json(String json) {
    return (request, response) ->
        response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(json));
  }
}
