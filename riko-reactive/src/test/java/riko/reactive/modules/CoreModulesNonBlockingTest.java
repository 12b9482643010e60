package riko.reactive.modules;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import riko.conf.RawConf;
import riko.item.Item;
import riko.modules.processor.Slugify;
import riko.spi.ModuleCall;

/**
 * riko-core's modules that read a table from the class path do it when they are assembled, not on
 * the thread that processes the first item (BlockHound, installed for every riko-reactive test,
 * fails a blocking read on Reactor's parallel scheduler). No other riko-reactive test uses these
 * modules, so their tables are not loaded before this test.
 */
class CoreModulesNonBlockingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Test
  void slugifyReadsItsEntityTableAtAssemblyNotOnAParallelThread() {
    var slugify = new Slugify().create(ModuleCall.of("slugify", RawConf.of()));
    Flux<Item> out = Flux.just(Item.of("content", "Fish &amp; Chips"), Item.of("content", "Café Größe"))
        .publishOn(Schedulers.parallel()) // a non-blocking thread, watched by BlockHound like an event loop
        .transform(slugify);
    StepVerifier.create(out.map(item -> item.get("slugify")))
        .expectNext("fish-chips", "cafe-grosse")
        .expectComplete()
        .verify(TIMEOUT);
  }
}
