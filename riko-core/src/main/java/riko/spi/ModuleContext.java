package riko.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The narrow set of services and settings every module of a run shares: user inputs for
 * {@code input} modules, the test flag, the clock, the resource fetcher and the folder that
 * riko's bundled data names ({@code file://riko/data/x}, bare names) resolve against, and the
 * user functions that JSON pipelines name ({@link #withFunction(String, UserFunction)}).
 *
 * <pre>{@code
 * ModuleContext context = ModuleContext.defaults().withInputs(Map.of("limit", "4"));
 * }</pre>
 */
public final class ModuleContext {

  /** How many input items a source module reads at once by default ({@link #concurrency()}). */
  public static final int DEFAULT_CONCURRENCY = 256;

  private static final ModuleContext DEFAULTS =
      new ModuleContext(Map.of(), false, Clock.systemUTC(), null, null, DEFAULT_CONCURRENCY, Map.of());

  private final Map<String, Object> inputs;
  private final boolean test;
  private final Clock clock;
  private final @Nullable ResourceFetcher fetcher;
  private final @Nullable Path dataDirectory;
  private final int concurrency;
  private final Map<String, UserFunction> functions;

  private ModuleContext(Map<String, Object> inputs, boolean test, Clock clock,
      @Nullable ResourceFetcher fetcher, @Nullable Path dataDirectory, int concurrency,
      Map<String, UserFunction> functions) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    this.inputs = Map.copyOf(inputs);
    this.test = test;
    this.clock = clock;
    this.fetcher = fetcher;
    this.dataDirectory = dataDirectory;
    this.concurrency = concurrency;
    this.functions = functions;
  }

  /**
   * No inputs, not in test mode, the system UTC clock, the standard fetcher, a concurrency of
   * {@value #DEFAULT_CONCURRENCY}.
   */
  public static ModuleContext defaults() {
    return DEFAULTS;
  }

  /** User inputs, keyed by each {@code input} module's {@code input_key}. */
  public Map<String, Object> inputs() {
    return inputs;
  }

  /** Whether {@code input} modules take their defaults instead of prompting. */
  public boolean test() {
    return test;
  }

  /** The clock for "now", "today" and timeouts. */
  public Clock clock() {
    return clock;
  }

  /** The fetcher set for this run; empty means the fetching modules use their standard one. */
  public Optional<ResourceFetcher> fetcher() {
    return Optional.ofNullable(fetcher);
  }

  /** The folder holding riko's bundled data files, if configured. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }

  /**
   * How many input items a source module (a fetching module whose URL comes from each item, such
   * as {@code fetch} with {@code url: {subkey: link}}) reads at once. Results still come out in
   * input order. Default {@value #DEFAULT_CONCURRENCY}.
   */
  public int concurrency() {
    return concurrency;
  }

  /** A copy with these user inputs. */
  public ModuleContext withInputs(Map<String, ?> inputs) {
    inputs.forEach((name, value) -> {
      if (name == null || value == null) {
        throw new IllegalArgumentException("user inputs need a name and a value; got " + name + " = " + value);
      }
    });
    return new ModuleContext(Map.copyOf(inputs), test, clock, fetcher, dataDirectory, concurrency, functions);
  }

  /** A copy with the test flag set or cleared. */
  public ModuleContext withTest(boolean test) {
    return new ModuleContext(inputs, test, clock, fetcher, dataDirectory, concurrency, functions);
  }

  /** A copy with another clock. */
  public ModuleContext withClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return new ModuleContext(inputs, test, clock, fetcher, dataDirectory, concurrency, functions);
  }

  /** A copy with another fetcher. */
  public ModuleContext withFetcher(ResourceFetcher fetcher) {
    Objects.requireNonNull(fetcher, "fetcher");
    return new ModuleContext(inputs, test, clock, fetcher, dataDirectory, concurrency, functions);
  }

  /** A copy reading up to {@code concurrency} items at once in source modules (at least 1). */
  public ModuleContext withConcurrency(int concurrency) {
    return new ModuleContext(inputs, test, clock, fetcher, dataDirectory, concurrency, functions);
  }

  /**
   * A copy with a function registered under {@code name}, for JSON pipelines whose {@code udf}
   * or {@code aggregate} modules name it ({@code "func": "plus3"}); a function already registered
   * under that name is replaced.
   *
   * <pre>{@code
   * ModuleContext context = ModuleContext.defaults()
   *     .withFunction("plus3", UserFunction.perItem(item -> Map.of("y", Cast.toInt(item.get("x")) + 3)))
   *     .withFunction("total", UserFunction.perStream(items -> items.count()));
   * }</pre>
   *
   * @param function a {@link UserFunction#perItem} or {@link UserFunction#perStream} function (not
   *     a {@link UserFunction.Named} reference)
   */
  public ModuleContext withFunction(String name, UserFunction function) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a function needs a name");
    }
    if (function instanceof UserFunction.Named named) {
      throw new IllegalArgumentException("register a function under '" + name + "', not the name '" + named.name()
          + "' of another one");
    }
    Map<String, UserFunction> copy = new TreeMap<>(functions);
    copy.put(name, function);
    return new ModuleContext(inputs, test, clock, fetcher, dataDirectory, concurrency,
        Collections.unmodifiableMap(copy));
  }

  /** The function registered under {@code name}, if any. */
  public Optional<UserFunction> function(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  /** The names of the registered functions, sorted. */
  public Set<String> functionNames() {
    return functions.keySet();
  }

  /** A copy resolving riko's bundled data names against {@code directory}. */
  public ModuleContext withDataDirectory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new ModuleContext(inputs, test, clock, fetcher, directory, concurrency, functions);
  }
}
