package riko.pipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import riko.conf.CallOptions;
import riko.conf.RawConf;
import riko.item.Item;
import riko.registry.ModuleRegistry;
import riko.spi.ItemTransformer;
import riko.spi.ModuleCall;
import riko.spi.ModuleContext;
import riko.spi.ModuleMetadata;
import riko.spi.ModuleType;
import riko.spi.RikoModule;
import riko.spi.UserFunction;

/**
 * A chain of riko modules: immutable and fluent, with an async face ({@link #flux()}) and a
 * blocking bridge ({@link #toList()}, {@link #toIterable()}, {@link #stream()}) over the same
 * engine.
 *
 * <pre>{@code
 * Flux<Item> top = Pipe.of("fetchdata", Map.of("url", url, "path", "people"))
 *     .filter(Map.of("rule", Map.of("field", "city", "op", "is", "value", "Boston")))
 *     .sort(Map.of("rule", Map.of("field", "age", "dir", "desc")))
 *     .truncate(5)
 *     .flux();
 *
 * List<Item> same = pipe.toList();   // blocking, for scripts and legacy code
 * }</pre>
 *
 * <p>Every chaining call returns a new pipe and leaves this one unchanged; nothing runs until
 * the stream is subscribed, and each subscription runs the chain afresh (unlike Python riko's
 * single-use pipes). Unknown module names and bad static confs fail at the chaining call.
 * A module called without an upstream runs once on the empty item when it is a processor (a
 * source), and sees an empty stream when it is an operator.
 */
public final class Pipe {

  private final @Nullable Pipe parent;
  private final @Nullable Publisher<Item> source;
  private final @Nullable Step step;
  private final ModuleRegistry registry;
  private final ModuleContext context;

  /** One module call in the chain; {@code embed} is a loop's embedded module. */
  private record Step(RikoModule module, RawConf conf, CallOptions options, Map<String, Pipe> terminals, List<Pipe> others,
      @Nullable RikoModule embed) {}

  private Pipe(@Nullable Pipe parent, @Nullable Publisher<Item> source, @Nullable Step step,
      ModuleRegistry registry, ModuleContext context) {
    this.parent = parent;
    this.source = source;
    this.step = step;
    this.registry = registry;
    this.context = context;
  }

  /** A pipe starting with a module called without input (usually a source such as {@code fetchdata}). */
  public static Pipe of(String module, Map<String, ?> conf) {
    return of(module, conf, CallOptions.none());
  }

  /** As {@link #of(String, Map)} with an empty conf. */
  public static Pipe of(String module) {
    return of(module, Map.of());
  }

  /** As {@link #of(String, Map)} with per-call options. */
  public static Pipe of(String module, Map<String, ?> conf, CallOptions options) {
    return start().pipe(module, conf, options);
  }

  /**
   * An empty starting point, for choosing a registry or context before the first module:
   * {@code Pipe.start().withRegistry(mine).pipe("mysource", conf)}.
   */
  public static Pipe start() {
    return new Pipe(null, null, null, ModuleRegistry.standard(), ModuleContext.defaults());
  }

  /** A pipe over existing items (identity until a module is chained). */
  public static Pipe from(Publisher<Item> items) {
    return new Pipe(null, items, null, ModuleRegistry.standard(), ModuleContext.defaults());
  }

  /** A pipe over values: maps become items, other values raw items ({@link Item#ofValue}). */
  public static Pipe from(Iterable<?> values) {
    List<Item> items = new ArrayList<>();
    values.forEach(v -> items.add(Item.ofValue(v)));
    return from(Flux.fromIterable(items));
  }

  /** Chains any module by name. */
  public Pipe pipe(String module, Map<String, ?> conf, CallOptions options) {
    return chain(module, conf, options, Map.of(), List.of());
  }

  /** Chains any module by name, with default options. */
  public Pipe pipe(String module, Map<String, ?> conf) {
    return pipe(module, conf, CallOptions.none());
  }

  /** Chains any module by name, with an empty conf. */
  public Pipe pipe(String module) {
    return pipe(module, Map.of());
  }

  /**
   * Chains a module with extra streams: {@code terminals} feed terminal references in its conf
   * (and {@code join}'s {@code other}); {@code others} feed {@code union}.
   */
  public Pipe pipe(String module, Map<String, ?> conf, CallOptions options, Map<String, Pipe> terminals, List<Pipe> others) {
    return chain(module, conf, options, terminals, others);
  }

  /**
   * Chains a module instance rather than a registered name, for modules configured in Java, e.g.
   * {@code pipe(Send.to("news"), Map.of(), CallOptions.none())}.
   */
  public Pipe pipe(RikoModule module, Map<String, ?> conf, CallOptions options) {
    return chain(module, conf, options, Map.of(), List.of(), null);
  }

  private Pipe chain(String name, Map<String, ?> conf, CallOptions options, Map<String, Pipe> terminals, List<Pipe> others) {
    return chain(registry.lookup(name), conf, options, terminals, others, null);
  }

  private Pipe chain(RikoModule module, Map<String, ?> conf, CallOptions options, Map<String, Pipe> terminals,
      List<Pipe> others, @Nullable RikoModule embed) {
    Step next = new Step(module, RawConf.of(conf), options, new LinkedHashMap<>(terminals), List.copyOf(others), embed);
    Pipe chained = new Pipe(step == null && parent == null ? null : this, step == null ? source : null, next, registry, context);
    chained.call(next); // checks the conf now
    return chained;
  }

  /** Keeps or drops items by rules ({@code filter}). */
  public Pipe filter(Map<String, ?> conf) {
    return pipe("filter", conf);
  }

  /** Sorts by rules ({@code sort}). */
  public Pipe sort(Map<String, ?> conf) {
    return pipe("sort", conf);
  }

  /** The first {@code count} items ({@code truncate}). */
  public Pipe truncate(long count) {
    return pipe("truncate", Map.of("count", count));
  }

  /** The last {@code count} items ({@code tail}). */
  public Pipe tail(long count) {
    return pipe("tail", Map.of("count", count));
  }

  /** The items in reverse order ({@code reverse}). */
  public Pipe reverse() {
    return pipe("reverse");
  }

  /** Drops items whose key was already seen ({@code uniq}). */
  public Pipe uniq(Map<String, ?> conf) {
    return pipe("uniq", conf);
  }

  /** One item {@code {"count": n}} ({@code count}). */
  public Pipe count() {
    return pipe("count");
  }

  /** This pipe's items followed by each other pipe's ({@code union}). */
  public Pipe union(Pipe... others) {
    return pipe("union", Map.of(), CallOptions.none(), Map.of(), List.of(others));
  }

  /** An inner join with {@code other} ({@code join}). */
  public Pipe join(Map<String, ?> conf, Pipe other) {
    return pipe("join", conf, CallOptions.none(), Map.of("other", other), List.of());
  }

  /** Splits a text field into token items ({@code tokenizer}). */
  public Pipe tokenizer(Map<String, ?> conf, CallOptions options) {
    return pipe("tokenizer", conf, options);
  }

  /** Replaces text in a field ({@code strreplace}). */
  public Pipe strreplace(Map<String, ?> conf, CallOptions options) {
    return pipe("strreplace", conf, options);
  }

  /** Applies string transformations to a field ({@code strtransform}). */
  public Pipe strtransform(Map<String, ?> conf, CallOptions options) {
    return pipe("strtransform", conf, options);
  }

  /**
   * Applies {@code func} to each item ({@code udf}) and emits what it returns: a map as an item,
   * a stream ({@link Flux}, {@link java.util.stream.Stream}) element by element, a {@link Mono}
   * once it completes, any other value raw.
   *
   * <pre>{@code
   * pipe.udf(item -> Map.of("y", Cast.toInt(item.get("x")) + 3))
   * }</pre>
   */
  public Pipe udf(Function<? super Item, ?> func) {
    return udf(func, CallOptions.none());
  }

  /** As {@link #udf(Function)}, with other options ({@code field}, {@code emit}, ...). */
  public Pipe udf(Function<? super Item, ?> func, CallOptions options) {
    return pipe("udf", Map.of(), options.withFunc(UserFunction.perItem(func)));
  }

  /**
   * Applies {@code func} to the whole stream ({@code aggregate}) and emits its result as a
   * stream: the elements of a {@link Flux}, list or other iterable, or the one value it returns
   * ({@code null}: nothing).
   *
   * <pre>{@code
   * pipe.aggregate(Flux::count)                                  // one raw number
   * pipe.aggregate(items -> items.filter(i -> i.containsKey("title")))
   * }</pre>
   */
  public Pipe aggregate(Function<? super Flux<Item>, ?> func) {
    return aggregate(func, CallOptions.none());
  }

  /** As {@link #aggregate(Function)}, with other options ({@code emit}, {@code assign}). */
  public Pipe aggregate(Function<? super Flux<Item>, ?> func, CallOptions options) {
    return pipe("aggregate", Map.of(), options.withFunc(UserFunction.perStream(func)));
  }

  /**
   * Runs the module {@code embed} once per item ({@code loop}, riko's Yahoo! Pipes Loop):
   * {@code conf} is the embed's conf, resolved against each item; {@code options} are the
   * loop's: {@code field} (handed to the embed), {@code count} ({@code FIRST} keeps the first
   * result per item), {@code emit} (default true: the results replace the item) and
   * {@code assign} (default {@code loop}: with {@code emit} false, one copy of the item per
   * result, the result under that key); the module is {@code riko.modules.operator.Loop}.
   *
   * <pre>{@code
   * pipe.loop("tokenizer", Map.of("delimiter", " "),
   *     CallOptions.none().withField("name").withEmit(false).withAssign("part"));
   * }</pre>
   */
  public Pipe loop(String embed, Map<String, ?> conf, CallOptions options) {
    RikoModule embedded = registry.lookup(embed, "embed of a loop");
    return chain(registry.lookup("loop"), conf, options, Map.of(), List.of(), embedded);
  }

  /**
   * Runs the chain {@code template} once per item ({@code loop} with a sub-pipeline embed): each
   * item is the only input of the template's first module, and the template's modules keep their
   * own conf and options. {@code template} must be built from {@link #start()} (no source); it is
   * not changed. {@code options} are the loop's, as for {@link #loop(String, Map, CallOptions)}.
   *
   * <pre>{@code
   * Pipe shout = Pipe.start().strtransform(Map.of("rule", Map.of("transform", "upper")),
   *     CallOptions.none().withField("name").withAssign("shout"));
   * pipe.loop(shout, CallOptions.none());
   * }</pre>
   */
  public Pipe loop(Pipe template, CallOptions options) {
    for (Pipe p = template; p != null; p = p.parent) {
      if (p.source != null) {
        throw new IllegalArgumentException("a loop template must not have a source; build it from Pipe.start()");
      }
    }
    return chain(registry.lookup("loop"), Map.of(), options, Map.of(), List.of(), new Template(template));
  }

  /** A template chain run as a loopable module: its input is the item the loop hands it. */
  private static final class Template implements RikoModule {
    private static final ModuleMetadata METADATA = ModuleMetadata.transformer("pipe", "a Pipe template run per item");

    private final Pipe template;

    Template(Pipe template) {
      this.template = template;
    }

    @Override
    public ModuleMetadata metadata() {
      return METADATA;
    }

    @Override
    public ItemTransformer create(ModuleCall call) {
      return template.chain(call.context()); // once: a loop applies it to every item
    }
  }

  /** This pipe's modules as one transformer, applied in place of its source (for a template). */
  private ItemTransformer chain(ModuleContext runContext) {
    ItemTransformer before = parent != null ? parent.chain(runContext) : input -> input;
    if (step == null) {
      return before;
    }
    ItemTransformer own = callWith(step, runContext);
    return input -> before.apply(input).transform(own);
  }

  /** A copy of this pipe running with another context (inputs, clock, fetcher). */
  public Pipe withContext(ModuleContext other) {
    return new Pipe(parent, source, step, registry, other);
  }

  /** A copy of this pipe with these user inputs. */
  public Pipe withInputs(Map<String, ?> inputs) {
    return withContext(context.withInputs(inputs));
  }

  /** A copy of this pipe looking modules up in {@code other} (for modules chained after it). */
  public Pipe withRegistry(ModuleRegistry other) {
    return new Pipe(parent, source, step, other, context);
  }

  /** The output stream; each subscription runs the chain afresh. */
  public Flux<Item> flux() {
    return flux(context);
  }

  private Flux<Item> flux(ModuleContext runContext) {
    Flux<Item> input;
    if (parent != null) {
      input = parent.flux(runContext);
    } else if (source != null) {
      input = Flux.from(source);
    } else if (step != null && step.module().metadata().type() == ModuleType.PROCESSOR) {
      input = Flux.just(Item.empty());
    } else {
      input = Flux.empty();
    }
    if (step == null) {
      return input;
    }
    return input.transform(callWith(step, runContext));
  }

  private ItemTransformer call(Step s) {
    return callWith(s, context);
  }

  private ItemTransformer callWith(Step s, ModuleContext runContext) {
    Map<String, Flux<Item>> terminals = new LinkedHashMap<>();
    s.terminals().forEach((name, pipe) -> terminals.put(name, pipe.flux(runContext)));
    List<Flux<Item>> others = s.others().stream().map(p -> p.flux(runContext)).toList();
    ModuleCall call = new ModuleCall(s.module().name(), s.conf(), s.options(), terminals, others, s.embed(), runContext);
    return s.module().create(call);
  }

  /** Every item, waiting at most 5 minutes. Blocking: never call it from a reactive thread. */
  public List<Item> toList() {
    return toList(Duration.ofMinutes(5));
  }

  /**
   * Every item, waiting at most {@code timeout}. Blocking.
   *
   * @throws IllegalStateException when the pipe has not finished within {@code timeout} (it is
   *     cancelled)
   */
  public List<Item> toList(Duration timeout) {
    List<Item> items = flux().collectList()
        .timeout(timeout, Mono.error(() -> new IllegalStateException("the pipe did not finish within " + timeout
            + " and was cancelled; toList(Duration) waits longer")))
        .block();
    return items == null ? List.of() : items;
  }

  /**
   * The items as a blocking iterable, produced as the loop asks for them. Leaving the loop early
   * does not stop the pipe (an iterator cannot be closed): its sources stay open until they end
   * or time out. Use {@link #stream()} in try-with-resources to stop early.
   */
  public Iterable<Item> toIterable() {
    return flux().toIterable();
  }

  /** The items as a blocking, sequential stream; close it to cancel the pipe early. */
  public Stream<Item> stream() {
    return flux().toStream();
  }
}
