package riko.modules.operator;

import java.util.Map;
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
 * riko's {@code truncate}: the first {@code count} items, after skipping {@code start}.
 *
 * <p><b>Conf.</b> {@code count} (int, default 0: QUIRK, without it the output is empty);
 * {@code start} (int, default 0). Both are cast with riko's int rule and may be terminal
 * references (e.g. wired from a {@code count} or an {@code input}).
 *
 * <p><b>Emits</b> the items at positions {@code start .. start + count - 1}, in order. Lazy: the
 * upstream is cancelled as soon as the last item has passed, so it is safe after endless
 * sources and stops a download in progress.
 *
 * <p><b>Errors.</b> A negative {@code count} or {@code start} is a {@link ConfException}, at
 * assembly when the conf is static.
 *
 * <p><b>Example.</b> {@code Pipe.of("forever").truncate(Map.of("count", 3))}; in JSON:
 * {@code {"type": "truncate", "conf": {"count": {"type": "int", "value": "3"}}}}.
 */
public final class Truncate extends OperatorModule {

  /**
   * @param start how many items to skip first
   * @param count how many items to keep
   */
  public record Conf(long start, long count) {
    /** Checks both are non-negative. */
    public Conf {
      if (count < 0) {
        throw new ConfException("truncate", "count", "must be >= 0, was " + count);
      }
      if (start < 0) {
        throw new ConfException("truncate", "start", "must be >= 0, was " + start);
      }
    }

    static Conf from(ResolvedConf conf) {
      return new Conf(conf.integer("start"), conf.integer("count"));
    }
  }

  /** The module, as registered. */
  public Truncate() {
    super(ModuleMetadata.composer("truncate", "The first count items, optionally after skipping start items."),
        Map.<String, @Nullable Object>of("start", 0L, "count", 0L), "truncate");
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    return OperatorResult.stream(of(Conf.from(conf)).apply(items));
  }

  /** The operation itself, for Java callers: {@code flux.transform(Truncate.of(new Conf(0, 5)))}. */
  public static java.util.function.Function<Flux<Item>, Flux<Item>> of(Conf conf) {
    return items -> items.skip(conf.start()).take(conf.count());
  }
}
