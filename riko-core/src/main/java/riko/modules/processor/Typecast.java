package riko.modules.processor;

import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.conf.ConfException;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.value.Cast;
import riko.value.PyStr;
import riko.value.Truthiness;

/**
 * riko's {@code typecast}: casts one field of each item with riko's cast table
 * ({@code conf.md} 7.1).
 *
 * <p><b>Conf.</b> {@code type} (text, default {@code text}): one of the cast names
 * {@code text int float decimal bool date datetime url location pass none}, exactly as written
 * ({@code INT} is not a name). {@code location} is the offline {@code street_address} lookup
 * (a fixed stub map). An empty or {@code null} type leaves the value as it is, as riko does. The
 * type may be dynamic ({@code {"subkey": "kind"}}). The field ({@code field} option, default
 * {@code content}) is read raw, without a field cast; "now" and "today" for date strings come
 * from the context's clock.
 *
 * <p><b>Emits</b> one item per input item, in order. A scalar result is assigned under
 * {@code typecast} (the {@code assign} option); a map result ({@code location}) replaces the
 * item, unless {@code emit} is false. A {@code null} result ({@code none}, or {@code pass} of a
 * missing field) leaves the item unchanged. Casts never fail: unreadable values become the
 * type's default ({@code 0}, NaN, {@code ""}, 1970-01-01, ...).
 *
 * <p><b>Errors.</b> An unknown {@code type} is a {@link ConfException} naming the accepted
 * names: at assembly when the type is static, otherwise when the item that resolves it arrives
 * (items already emitted stay emitted). Casting an infinite float to {@code int} fails at
 * runtime, as in riko.
 *
 * <p><b>Example.</b> {@code Pipe.of("fetchdata", conf).typecast(Map.of("type", "int"))} turns
 * {@code {"content": "1e3"}} into {@code {"content": "1e3", "typecast": 1000}}. In JSON:
 * {@code {"id": "sw-2", "type": "typecast", "conf": {"type": {"type": "text", "value": "int"}}}}.
 */
public final class Typecast extends ProcessorModule {

  /**
   * The resolved conf.
   *
   * @param type the cast to apply, or {@code null} to keep the value (an empty type)
   */
  public record Conf(@Nullable Cast type) {

    /** The conf for a cast name, as riko reads it: empty or {@code null} means no cast. */
    public static Conf of(@Nullable Object type) {
      return from("typecast", type);
    }

    static Conf from(ResolvedConf conf) {
      return from(conf.module(), conf.get("type"));
    }

    private static Conf from(String module, @Nullable Object type) {
      if (!Truthiness.isTruthy(type)) {
        return new Conf(null);
      }
      if (type instanceof String name) {
        Cast cast = Cast.named(name).orElse(null);
        if (cast != null) {
          return new Conf(cast);
        }
      }
      throw new ConfException(module, "type", "must be one of " + Cast.knownNames() + "; was " + PyStr.repr(type));
    }

    /** Casts {@code value}, reading "now" and "today" from {@code clock}. */
    public @Nullable Object apply(@Nullable Object value, Clock clock) {
      return type == null ? value : type.apply(value, clock);
    }
  }

  /** The module, as registered. */
  public Typecast() {
    super(ModuleMetadata.transformer("typecast", "Casts a field to another type: int, float, decimal, bool, date, datetime, url, ..."),
        ProcessorSpec.transformer(Map.<String, @Nullable Object>of("type", "text"), "content", FieldCast.PASS, "typecast"));
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.of(conf.parsed(Conf.class, Conf::from).apply(value, call.context().clock()));
  }
}
