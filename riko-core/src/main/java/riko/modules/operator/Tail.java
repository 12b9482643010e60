package riko.modules.operator;

import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;

/**
 * riko's {@code tail}: the last {@code count} items.
 *
 * <p><b>Conf.</b> {@code count} (int, cast with riko's int rule; QUIRK: no default, so without
 * it the output is EMPTY). May be a terminal reference.
 *
 * <p><b>Emits</b> the last {@code count} items, in order, once the input has completed. Reads
 * the whole input, keeping only {@code count} items in memory; not for endless sources.
 *
 * <p><b>Errors.</b> A negative {@code count} is a {@link ConfException}, at assembly when the
 * conf is static.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).tail(Map.of("count", 2))}; in JSON:
 * {@code {"type": "tail", "conf": {"count": {"type": "int", "value": "2"}}}}.
 */
public final class Tail extends OperatorModule {

  /** @param count how many items to keep from the end; non-negative */
  public record Conf(long count) {
    /** Checks the count. */
    public Conf {
      if (count < 0) {
        throw new ConfException("tail", "count", "must be >= 0, was " + count);
      }
    }

    static Conf from(ResolvedConf conf) {
      long count = conf.integer("count");
      if (count < 0) {
        throw new ConfException(conf.module(), "count", "must be >= 0, was " + count);
      }
      return new Conf(count);
    }
  }

  /** The module, as registered. */
  public Tail() {
    super(ModuleMetadata.composer("tail", "The last count items."), Map.<String, @Nullable Object>of(), "tail");
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    return OperatorResult.stream(of(Conf.from(conf)).apply(items));
  }

  /** The operation itself, for Java callers: {@code flux.transform(Tail.of(new Conf(2)))}. */
  public static Function<Flux<Item>, Flux<Item>> of(Conf conf) {
    return items -> items.takeLast((int) Math.min(conf.count(), Integer.MAX_VALUE));
  }
}
