package riko.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The narrow set of services and settings every module of a run shares: user inputs for
 * {@code input} modules, the test flag, the clock, the resource fetcher and the folder that
 * riko's bundled data names ({@code file://riko/data/x}, bare names) resolve against.
 *
 * <pre>{@code
 * ModuleContext context = ModuleContext.defaults().withInputs(Map.of("limit", "4"));
 * }</pre>
 */
public final class ModuleContext {

  private static final ModuleContext DEFAULTS =
      new ModuleContext(Map.of(), false, Clock.systemUTC(), null, null);

  private final Map<String, Object> inputs;
  private final boolean test;
  private final Clock clock;
  private final @Nullable ResourceFetcher fetcher;
  private final @Nullable Path dataDirectory;

  private ModuleContext(Map<String, Object> inputs, boolean test, Clock clock,
      @Nullable ResourceFetcher fetcher, @Nullable Path dataDirectory) {
    this.inputs = Map.copyOf(inputs);
    this.test = test;
    this.clock = clock;
    this.fetcher = fetcher;
    this.dataDirectory = dataDirectory;
  }

  /** No inputs, not in test mode, the system UTC clock, the standard fetcher. */
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

  /** A copy with these user inputs. */
  public ModuleContext withInputs(Map<String, ?> inputs) {
    return new ModuleContext(Map.copyOf(inputs), test, clock, fetcher, dataDirectory);
  }

  /** A copy with the test flag set or cleared. */
  public ModuleContext withTest(boolean test) {
    return new ModuleContext(inputs, test, clock, fetcher, dataDirectory);
  }

  /** A copy with another clock. */
  public ModuleContext withClock(Clock clock) {
    return new ModuleContext(inputs, test, clock, fetcher, dataDirectory);
  }

  /** A copy with another fetcher. */
  public ModuleContext withFetcher(ResourceFetcher fetcher) {
    return new ModuleContext(inputs, test, clock, fetcher, dataDirectory);
  }

  /** A copy resolving riko's bundled data names against {@code directory}. */
  public ModuleContext withDataDirectory(Path directory) {
    return new ModuleContext(inputs, test, clock, fetcher, directory);
  }
}
