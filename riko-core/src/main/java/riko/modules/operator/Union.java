package riko.modules.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;

/**
 * riko's {@code union}: the main stream followed by each other stream.
 *
 * <p><b>Conf.</b> None. The other streams are the call's {@link ModuleCall#others()}: in JSON
 * pipelines the {@code _OTHER}, {@code _OTHER1}, {@code _OTHER2}, ... wires, in the order the
 * wires are listed (not by their numbers).
 *
 * <p><b>Emits</b> every item of the main input, then every item of {@code others[0]}, then of
 * {@code others[1]}, and so on. Lazy: each stream is subscribed only when the one before it has
 * completed, and cancelling stops whichever stream is running.
 *
 * <p><b>Errors.</b> None of its own; an error in any stream ends the output after the items
 * already emitted.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", a).union(List.of(otherPipe))}; in JSON:
 * {@code {"type": "union", "conf": {}}} with wires into its {@code _INPUT} and {@code _OTHER1}.
 */
public final class Union extends OperatorModule {

  /** The module, as registered. */
  public Union() {
    super(ModuleMetadata.composer("union", "Concatenates the main stream with the other streams, in order."),
        Map.<String, @Nullable Object>of(), "union");
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    return OperatorResult.stream(of(items, call.others()));
  }

  /** The operation itself, for Java callers: {@code items} then each of {@code others}, in order. */
  public static Flux<Item> of(Flux<Item> items, List<Flux<Item>> others) {
    List<Flux<Item>> all = new ArrayList<>(others.size() + 1);
    all.add(items);
    all.addAll(others);
    return Flux.concat(all);
  }
}
