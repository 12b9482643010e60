package riko.modules.source;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;

/**
 * riko's {@code forever}: an endless stream of {@code {"forever": true}} items, used to drive
 * other modules. Always bound it, for example with {@code truncate}.
 *
 * <p><b>Conf.</b> None; any conf is ignored.
 *
 * <p><b>Emits</b> the item {@code {"forever": true}} without end, per input item (once when the
 * module starts a pipe). The stream is lazy and honours backpressure: an item is produced only
 * when one is requested, and cancelling (as {@code truncate} does) stops it. QUIRK kept from
 * riko: with {@code emit: false} the module would have to collect the endless stream before
 * assigning it, so it never emits anything.
 *
 * <p><b>Errors.</b> None.
 *
 * <p><b>Example.</b>
 * <pre>{@code
 * Flux<Item> three = Flux.just(Item.empty())
 *     .transform(new Forever().create(ModuleCall.of("forever", RawConf.empty())))
 *     .take(3);
 * }</pre>
 * In a pipeline: {@code {"id": "sw-1", "type": "forever", "conf": {}}} wired into a
 * {@code truncate}.
 */
public final class Forever extends ProcessorModule {

  private static final Item FOREVER = Item.of("forever", true);

  /** The module, as registered. */
  public Forever() {
    super(ModuleMetadata.source("forever", "An endless stream of {\"forever\": true} items."),
        ProcessorSpec.source(Map.of()));
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.stream(Flux.<Item>generate(sink -> sink.next(FOREVER)));
  }
}
