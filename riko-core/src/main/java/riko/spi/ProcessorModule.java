package riko.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import riko.conf.CallOptions;
import riko.conf.ConfResolver;
import riko.conf.Count;
import riko.conf.RawConf;
import riko.conf.ResolvedConf;
import riko.conf.SkipIf;
import riko.conf.Terminals;
import riko.item.Item;

/**
 * The base of processor modules (sources and transformers): riko's per-item machinery
 * ({@code conf.md} 4.1-4.2) around a module's logic for one item.
 *
 * <p>For each input item, in order: the item is passed through untouched when {@code skip_if}
 * matches; the conf is resolved (once per run when it is static, per item when it holds item or
 * terminal references); the field is read and cast; {@link #process} runs; and its result is
 * folded back: emitted in place of the item, or assigned into it under {@code assign}, keeping
 * {@code count} results.
 *
 * <p>Transformers handle one item after the other. Sources (subtype {@code source}) handle up to
 * {@link ModuleContext#concurrency()} items at once, so that a fetch per item runs concurrently,
 * and emit the results in input order.
 */
public abstract class ProcessorModule implements RikoModule {

  private final ModuleMetadata metadata;
  private final ProcessorSpec spec;

  /**
   * @param metadata the catalog entry
   * @param spec the declaration: conf defaults, field, casts, emit and assign defaults
   */
  protected ProcessorModule(ModuleMetadata metadata, ProcessorSpec spec) {
    this.metadata = metadata;
    this.spec = spec;
  }

  @Override
  public final ModuleMetadata metadata() {
    return metadata;
  }

  /** The module's declaration. */
  public final ProcessorSpec spec() {
    return spec;
  }

  /**
   * Checks the conf (defaults merged) when the module is assembled, throwing
   * {@link riko.conf.ConfException} for a problem that no item could fix. Does nothing by default.
   */
  protected void validate(RawConf conf, ModuleCall call) {}

  /**
   * The module's logic for one item.
   *
   * @param value the field's value after the field cast, or the whole item when the module reads
   *     no field (sources, and transformers called without a field)
   * @param conf the conf resolved for this item
   * @param item the input item
   * @param call the call, for its options, streams and context
   * @return a single value or a stream of values
   */
  protected abstract ProcessorResult process(@Nullable Object value, ResolvedConf conf, Item item, ModuleCall call);

  /** The conf resolved once, when it holds no item or wired terminal references; else empty. */
  protected static Optional<ResolvedConf> staticConf(RawConf conf, ModuleCall call) {
    if (conf.isDynamic(call.terminals().keySet())) {
      return Optional.empty();
    }
    return Optional.of(new ConfResolver(call.context().clock()).resolve(call.label(), conf, Item.empty(), Terminals.none()));
  }

  @Override
  public final ItemTransformer create(ModuleCall call) {
    RawConf conf = call.conf().withDefaults(spec.defaults());
    validate(conf, call);
    ConfResolver resolver = new ConfResolver(call.context().clock());
    Map<String, Flux<Item>> referenced = referencedTerminals(conf, call);
    return input -> Flux.defer(() -> Terminals.open(referenced).flatMapMany(terminals -> {
      ResolvedConf fixed = conf.isDynamic(terminals.names())
          ? null
          : resolver.resolve(call.label(), conf, Item.empty(), terminals);
      Function<Item, Flux<Item>> perItem = element -> {
        Item item = element.normalised();
        SkipIf skipIf = call.options().skipIf();
        if (skipIf != null && skipIf.skips(item)) {
          return Flux.just(item);
        }
        try {
          ResolvedConf resolved = fixed != null ? fixed : resolver.resolve(call.label(), conf, item, terminals);
          ProcessorResult result = process(fieldValue(item, call.options()), resolved, item, call);
          return fold(item, result, call.options()).onErrorMap(e -> ModuleErrors.wrap(call.label(), e));
        } catch (RuntimeException e) {
          return Flux.error(ModuleErrors.wrap(call.label(), e));
        }
      };
      return metadata.subtype() == ModuleSubtype.SOURCE
          ? InOrder.flatMap(input, perItem, call.context().concurrency())
          : input.concatMap(perItem);
    }));
  }


  /** Only the terminals the conf refers to are read before the module runs. */
  static Map<String, Flux<Item>> referencedTerminals(RawConf conf, ModuleCall call) {
    Set<String> names = conf.referencedTerminals();
    Map<String, Flux<Item>> referenced = new LinkedHashMap<>();
    call.terminals().forEach((name, flux) -> {
      if (names.contains(Terminals.normaliseName(name))) {
        referenced.put(name, flux);
      }
    });
    return referenced;
  }

  private @Nullable Object fieldValue(Item item, CallOptions options) {
    String field = options.field() != null ? options.field() : spec.field();
    if (spec.fieldCast() == FieldCast.NONE || field == null) {
      return item;
    }
    Object raw = item.get(field);
    return spec.castField() ? spec.fieldCast().apply(raw) : raw;
  }

  private Flux<Item> fold(Item item, ProcessorResult result, CallOptions options) {
    if (result instanceof ProcessorResult.Later later) {
      return later.result().defaultIfEmpty(ProcessorResult.of(null)).flatMapMany(r -> fold(item, r, options));
    }
    boolean emit = options.explicitEmit().orElseGet(() -> spec.alwaysEmit()
        || result instanceof ProcessorResult.Stream
        || isMap(((ProcessorResult.Single) result).value()));
    Count count = options.count();
    if (emit) {
      Flux<Item> values = result instanceof ProcessorResult.Single single
          ? Flux.just(Item.ofValue(single.value()))
          : ((ProcessorResult.Stream) result).values().map(Item::ofValue);
      return count == Count.FIRST ? values.take(1) : values;
    }
    String assign = options.assign() != null ? options.assign() : spec.assign();
    if (result instanceof ProcessorResult.Single single) {
      Object value = single.value();
      if (value == null) {
        return Flux.just(item);
      }
      return Flux.just(item.with(assign, count == Count.ALL ? List.of(value) : value));
    }
    return ((ProcessorResult.Stream) result).values()
        .map(v -> (Object) v)
        .collectList()
        .flatMapMany(values -> assignAll(item, assign, count, values));
  }

  private static Flux<Item> assignAll(Item item, String assign, @Nullable Count count, List<Object> values) {
    if (values.isEmpty()) {
      return Flux.just(count == Count.ALL ? item.with(assign, List.of()) : item);
    }
    if (count == Count.FIRST) {
      return Flux.just(item.with(assign, values.get(0)));
    }
    if (values.size() == 1) {
      return Flux.just(item.with(assign, count == Count.ALL ? values : values.get(0)));
    }
    if (item.isEmpty()) {
      return Flux.fromIterable(values).map(v -> Item.empty().with(assign, v));
    }
    return Flux.just(item.with(assign, values));
  }

  static boolean isMap(@Nullable Object value) {
    return value instanceof Map<?, ?> || (value instanceof Item item && !item.isRaw());
  }
}
