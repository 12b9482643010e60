package riko.modules.operator;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * riko's {@code timeout}: passes items through until a time budget is spent.
 *
 * <p><b>Conf.</b> Any of {@code weeks}, {@code days}, {@code hours}, {@code minutes},
 * {@code seconds}, {@code milliseconds}, {@code microseconds} (ints; text is cast with riko's
 * int rule; each may be a terminal reference). The budget is their sum, truncated to whole
 * milliseconds. A zero or negative budget (for example no keys at all) means no limit.
 *
 * <p><b>Emits</b> the input items unchanged until the budget has passed since the output was
 * subscribed; then the input is cancelled and the output completes. An item arriving after the
 * deadline is dropped. Unlike riko's synchronous engine, which only checks the clock around each
 * read, the deadline also ends a read that is still waiting. Runs on Reactor's parallel
 * scheduler, so {@code StepVerifier.withVirtualTime} can drive it.
 *
 * <p><b>Errors.</b> Any other conf key is a {@link ConfException} at assembly (QUIRK: riko
 * rejects it too), as is a budget too large to represent.
 *
 * <p><b>Example.</b> {@code Pipe.of("forever").timeout(Map.of("seconds", 5))}; in JSON:
 * {@code {"type": "timeout", "conf": {"milliseconds": {"type": "int", "value": "250"}}}}.
 */
public final class Timeout extends OperatorModule {

  /** The accepted conf keys and how many microseconds one unit is. */
  private static final Map<String, Long> MICROS_PER_UNIT = units();

  private static Map<String, Long> units() {
    Map<String, Long> units = new LinkedHashMap<>();
    units.put("weeks", 7L * 24 * 3600 * 1_000_000);
    units.put("days", 24L * 3600 * 1_000_000);
    units.put("hours", 3600L * 1_000_000);
    units.put("minutes", 60L * 1_000_000);
    units.put("seconds", 1_000_000L);
    units.put("milliseconds", 1_000L);
    units.put("microseconds", 1L);
    return Collections.unmodifiableMap(units);
  }

  /** @param budget how long items may pass; zero or negative for no limit */
  public record Conf(Duration budget) {
    static Conf from(ResolvedConf conf) {
      BigInteger micros = BigInteger.ZERO;
      for (Map.Entry<String, Long> unit : MICROS_PER_UNIT.entrySet()) {
        micros = micros.add(BigInteger.valueOf(conf.integer(unit.getKey())).multiply(BigInteger.valueOf(unit.getValue())));
      }
      BigInteger millis = micros.divide(BigInteger.valueOf(1_000));
      if (micros.signum() < 0 && !micros.mod(BigInteger.valueOf(1_000)).equals(BigInteger.ZERO)) {
        millis = millis.subtract(BigInteger.ONE); // Python's floor division
      }
      if (millis.bitLength() >= Long.SIZE) {
        throw new ConfException(conf.module(), "milliseconds", "gives a budget too large to represent: " + millis + " ms");
      }
      return new Conf(Duration.ofMillis(millis.longValue()));
    }
  }

  /** The module, as registered. */
  public Timeout() {
    super(ModuleMetadata.composer("timeout", "Passes items through until a time budget is spent."),
        Map.<String, @Nullable Object>of(), "timeout");
  }

  @Override
  protected void validate(RawConf conf, ModuleCall call) {
    for (String key : conf.asMap().keySet()) {
      if (!MICROS_PER_UNIT.containsKey(key)) {
        throw new ConfException(call.label(), key, "is not a time unit; expected any of " + List.copyOf(MICROS_PER_UNIT.keySet()));
      }
    }
    staticConf(conf, call).ifPresent(Conf::from);
  }

  @Override
  protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
    return OperatorResult.stream(of(Conf.from(conf)).apply(items));
  }

  /** The operation itself, for Java callers: {@code flux.transform(Timeout.of(new Conf(Duration.ofSeconds(5))))}. */
  public static Function<Flux<Item>, Flux<Item>> of(Conf conf) {
    if (conf.budget().isZero() || conf.budget().isNegative()) {
      return items -> items;
    }
    return items -> items.take(conf.budget());
  }
}
