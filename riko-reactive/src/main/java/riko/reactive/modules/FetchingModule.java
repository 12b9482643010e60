package riko.reactive.modules;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.item.Item;
import riko.reactive.http.StandardFetcher;
import riko.spi.ModuleCall;
import riko.spi.ModuleMetadata;
import riko.spi.ProcessorModule;
import riko.spi.ProcessorResult;
import riko.spi.ProcessorSpec;
import riko.spi.ResourceFetcher;

/**
 * The shape most fetching modules share: a typed conf made from the resolved conf (checked at
 * assembly when the conf is static), and a read of that conf with the run's fetcher
 * ({@link StandardFetcher#forContext}), whose values the module emits.
 *
 * @param <C> the module's typed conf
 */
abstract class FetchingModule<C> extends ProcessorModule {

  /** Reads what a conf names. */
  @FunctionalInterface
  interface Reader<C> {
    /** The values to emit for {@code conf}, fetched with {@code fetcher}; errors labelled {@code label}. */
    Publisher<?> read(C conf, ResourceFetcher fetcher, String label);
  }

  private final Function<ResolvedConf, C> typedConf;
  private final Reader<C> reader;

  /**
   * @param typedConf makes the typed conf, throwing {@link riko.conf.ConfException} for a bad one
   * @param reader reads what the typed conf names
   */
  FetchingModule(ModuleMetadata metadata, ProcessorSpec spec, Function<ResolvedConf, C> typedConf, Reader<C> reader) {
    super(metadata, spec);
    this.typedConf = typedConf;
    this.reader = reader;
  }

  @Override
  protected final void validate(RawConf conf, ModuleCall call) {
    staticConf(conf, call).ifPresent(typedConf::apply);
  }

  @Override
  protected final ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call) {
    return ProcessorResult.stream(reader.read(typedConf.apply(conf), StandardFetcher.forContext(call.context()), call.label()));
  }
}
