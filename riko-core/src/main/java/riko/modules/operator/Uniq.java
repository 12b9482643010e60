package riko.modules.operator;

import java.util.Iterator;
import java.util.LinkedHashSet;
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
import riko.value.PyEquality;

/**
 * riko's {@code uniq}: drops the items whose key value was seen recently.
 *
 * <p><b>Conf.</b> {@code uniq_key} (dotted path, default {@code content}); {@code limit} (int,
 * default 1024): how many distinct values are remembered.
 *
 * <p><b>Emits</b> each item whose value at {@code uniq_key} is not among the last {@code limit}
 * distinct values kept so far (a sliding window: when it is full the oldest value is
 * forgotten, so a value can come back). Values compare with Python equality: {@code 1},
 * {@code 1.0} and {@code true} are the same value, {@code "1"} is not. Items lacking the key
 * all share the value {@code null}, so only the first of them is kept. With {@code limit} 0
 * nothing is remembered and every item is kept. Lazy and order-preserving.
 *
 * <p><b>Errors.</b> A negative {@code limit} is a {@link ConfException}, at assembly when the
 * conf is static.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).uniq(Map.of("uniq_key", "city"))}; in JSON:
 * {@code {"type": "uniq", "conf": {"uniq_key": "city"}}}.
 */
public final class Uniq extends OperatorModule {

  /**
   * @param uniqKey the dotted path whose value must be unique
   * @param limit how many distinct values are remembered; non-negative
   */
  public record Conf(String uniqKey, long limit) {
    /** Checks the limit. */
    public Conf {
      if (limit < 0) {
        throw new ConfException("uniq", "limit", "must be >= 0, was " + limit);
      }
    }

    static Conf from(ResolvedConf conf) {
      if (conf.integer("limit") < 0) {
        throw new ConfException(conf.module(), "limit", "must be >= 0, was " + conf.integer("limit"));
      }
      return new Conf(conf.text("uniq_key", ""), conf.integer("limit"));
    }
  }

  /** The module, as registered. */
  public Uniq() {
    super(ModuleMetadata.composer("uniq", "Drops items whose key value was already seen."),
        Map.<String, @Nullable Object>of("uniq_key", "content", "limit", 1024L), "uniq");
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    return OperatorResult.stream(of(Conf.from(conf)).apply(items));
  }

  /** The operation itself, for Java callers: {@code flux.transform(Uniq.of(new Conf("id", 1024)))}. */
  public static Function<Flux<Item>, Flux<Item>> of(Conf conf) {
    return items -> Flux.defer(() -> {
      LinkedHashSet<@Nullable Object> seen = new LinkedHashSet<>();
      return items.filter(item -> {
        Object key = PyEquality.key(item.get(conf.uniqKey()));
        if (seen.contains(key)) {
          return false;
        }
        if (conf.limit() > 0) {
          seen.add(key);
          if (seen.size() > conf.limit()) {
            Iterator<@Nullable Object> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
          }
        }
        return true;
      });
    });
  }
}
