package riko.testing;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.modules.operator.Truncate;
import riko.registry.ModuleRegistry;
import riko.spi.FieldCast;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.OperatorModule;
import riko.spi.OperatorResult;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;

/**
 * Small modules for engine tests (plus the built-in {@code truncate} and {@code join}) that must not depend on the built-in modules' behaviour:
 * {@code numbers} (a source of {@code {"n": 1..count}}), {@code upper} (upper-cases a field),
 * {@code concat} (its input, then each {@code _OTHER} stream).
 */
public final class TestModules {

  private TestModules() {}

  /** A registry holding the test modules and {@code truncate}. */
  public static ModuleRegistry registry() {
    return ModuleRegistry.builder().add(new Numbers()).add(new Upper()).add(new Concat()).add(new Truncate())
        .add(new riko.modules.operator.Join()).build();
  }

  /** Source: {@code {"n": 1}} .. {@code {"n": count}}; conf {@code count} (default 3). */
  public static final class Numbers extends ProcessorModule {
    /** The module. */
    public Numbers() {
      super(ModuleMetadata.source("numbers", "test source"), ProcessorSpec.source(Map.<String, @Nullable Object>of("count", 3L)));
    }

    @Override
    protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
      return ProcessorResult.stream(Flux.range(1, (int) conf.integer("count")).map(n -> Item.of("n", (long) n)));
    }
  }

  /** Transformer: the field (default content) upper-cased, assigned to {@code upper}. */
  public static final class Upper extends ProcessorModule {
    /** The module. */
    public Upper() {
      super(ModuleMetadata.transformer("upper", "test transformer"),
          ProcessorSpec.transformer(Map.of(), "content", FieldCast.TEXT, "upper"));
    }

    @Override
    protected ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
      return ProcessorResult.of(String.valueOf(value).toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Operator: the input stream, then each {@code others} stream. */
  public static final class Concat extends OperatorModule {
    /** The module. */
    public Concat() {
      super(ModuleMetadata.composer("concat", "test composer"), Map.of(), "concat");
    }

    @Override
    protected OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call) {
      return OperatorResult.stream(Flux.concat(items, Flux.concat(call.others())));
    }
  }
}
