package riko.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.CallOptions;
import riko.conf.ConfResolver;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.conf.Terminals;
import riko.item.Item;

/**
 * The base of operator modules: riko's whole-stream machinery ({@code conf.md} 4.1, 4.3). The
 * conf is resolved once per run (item references read the empty item), raw input values are
 * seen as {@code {"content": value}}, and the result is folded: a stream or a map is emitted, a
 * single other value is assigned as {@code {assign: value}}, and a {@code null} result is one
 * empty item.
 */
public abstract class OperatorModule implements RikoModule {

  private final ModuleMetadata metadata;
  private final Map<String, @Nullable Object> defaults;
  private final String assign;

  /**
   * @param metadata the catalog entry
   * @param defaults conf defaults
   * @param assign where a single result is assigned by default (usually the module name)
   */
  protected OperatorModule(ModuleMetadata metadata, Map<String, @Nullable Object> defaults, String assign) {
    this.metadata = metadata;
    this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    this.assign = assign;
  }

  @Override
  public final ModuleMetadata metadata() {
    return metadata;
  }

  /** Checks the conf (defaults merged) at assembly; throws {@link riko.conf.ConfException}. Does nothing by default. */
  protected void validate(RawConf conf, ModuleCall call) {}

  /**
   * The module's logic.
   *
   * @param items the input stream, raw values already seen as {@code {"content": value}}
   * @param conf the conf, resolved once for this run
   * @param call the call, for its options, extra streams and context
   */
  protected abstract OperatorResult operate(Flux<Item> items, ResolvedConf conf, ModuleCall call);

  /** The conf resolved at assembly when it holds no references to wired terminals; else empty. */
  protected static Optional<ResolvedConf> staticConf(RawConf conf, ModuleCall call) {
    return ProcessorModule.staticConf(conf, call);
  }

  @Override
  public final ItemTransformer create(ModuleCall call) {
    RawConf conf = call.conf().withDefaults(defaults);
    validate(conf, call);
    ConfResolver resolver = new ConfResolver(call.context().clock());
    Map<String, Flux<Item>> referenced = ProcessorModule.referencedTerminals(conf, call);
    return input -> Flux.defer(() -> Terminals.open(referenced).flatMapMany(terminals -> {
      ResolvedConf resolved = resolver.resolve(call.label(), conf, Item.empty(), terminals);
      Flux<Item> items = input.map(Item::normalised).onErrorMap(Upstream::new);
      return fold(operate(items, resolved, call), call.options());
    })).onErrorMap(e -> e instanceof Upstream upstream ? upstream.getCause() : ModuleErrors.wrap(call.label(), e));
  }

  /** Marks an error that came from upstream, so that it leaves unchanged rather than labelled with this module. */
  private static final class Upstream extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Upstream(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  private Flux<Item> fold(OperatorResult result, CallOptions options) {
    String key = options.assign() != null ? options.assign() : assign;
    if (result instanceof OperatorResult.Stream stream) {
      boolean emit = options.explicitEmit().orElse(true);
      return stream.values().map(v -> emit ? Item.ofValue(v) : Item.empty().with(key, v));
    }
    return ((OperatorResult.Single) result).value()
        .map(v -> (Object) v)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .map(value -> {
          Object v = value.orElse(null);
          if (v == null) {
            return Item.empty();
          }
          boolean emit = options.explicitEmit().orElseGet(() -> ProcessorModule.isMap(v));
          return emit ? Item.ofValue(v) : Item.empty().with(key, v);
        })
        .flux();
  }
}
