package riko.modules.operator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;

/**
 * riko's {@code reverse}: the stream in reverse order.
 *
 * <p><b>Conf.</b> None.
 *
 * <p><b>Emits</b> the input items last first, once the input has completed. Materialises the
 * whole input; not for endless sources.
 *
 * <p><b>Errors.</b> None of its own; an upstream error ends the output before anything is
 * emitted.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).reverse()}; in JSON:
 * {@code {"type": "reverse", "conf": {}}}.
 */
public final class Reverse extends OperatorModule {

  /** The module, as registered. */
  public Reverse() {
    super(ModuleMetadata.composer("reverse", "Reverses the order of the stream."), Map.<String, @Nullable Object>of(),
        "reverse");
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    return OperatorResult.stream(of().apply(items));
  }

  /** The operation itself, for Java callers: {@code flux.transform(Reverse.of())}. */
  public static Function<Flux<Item>, Flux<Item>> of() {
    return items -> items.collect(ArrayList<Item>::new, List::add).flatMapIterable(list -> {
      Collections.reverse(list);
      return list;
    });
  }
}
