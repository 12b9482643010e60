package riko.reactive.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

class HostLimitTest {

  private final List<String> started = new CopyOnWriteArrayList<>();

  /** Work that records its start and then emits what {@code sink} emits. */
  private Flux<String> work(String name, Sinks.Many<String> sink) {
    return Flux.defer(() -> {
      started.add(name);
      return sink.asFlux();
    });
  }

  private static Sinks.Many<String> sink() {
    return Sinks.many().unicast().onBackpressureBuffer();
  }

  @Test
  void startsWorkOfOneOriginInArrivalOrderAsPermitsComeBack() {
    HostLimit limit = new HostLimit(1);
    Sinks.Many<String> a = sink();
    Sinks.Many<String> b = sink();
    Sinks.Many<String> c = sink();
    Sinks.Many<String> d = sink();
    limit.limit("http://x:80", work("a", a)).subscribe();
    limit.limit("http://x:80", work("b", b)).subscribe();
    limit.limit("http://y:80", work("c", c)).subscribe();
    limit.limit("http://x:80", work("d", d)).subscribe();
    assertThat(started).containsExactly("a", "c");

    a.tryEmitComplete();
    assertThat(started).containsExactly("a", "c", "b");
    b.tryEmitError(new IllegalStateException("failed"));
    assertThat(started).containsExactly("a", "c", "b", "d");
  }

  @Test
  void workCancelledWhileWaitingOrRunningGivesItsPlaceBack() {
    HostLimit limit = new HostLimit(1);
    Sinks.Many<String> a = sink();
    Disposable running = limit.limit("o", work("a", a)).subscribe();
    Disposable waiting = limit.limit("o", work("b", sink())).subscribe();
    waiting.dispose();
    running.dispose();
    assertThat(started).containsExactly("a");

    limit.limit("o", work("c", sink())).subscribe();
    assertThat(started).as("the permit was neither lost nor given to the cancelled b").containsExactly("a", "c");
  }

  @Test
  void noOriginOrNoLimitMeansNoWaiting() {
    HostLimit unlimited = new HostLimit(Integer.MAX_VALUE);
    HostLimit one = new HostLimit(1);
    unlimited.limit("o", work("a", sink())).subscribe();
    unlimited.limit("o", work("b", sink())).subscribe();
    one.limit(null, work("c", sink())).subscribe();
    one.limit(null, work("d", sink())).subscribe();
    assertThat(started).containsExactly("a", "b", "c", "d");
  }
}
