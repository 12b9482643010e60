package riko.spi;

/**
 * A riko module: a named, configurable stream operation. Implementations are discovered with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/riko.spi.RikoModule}) or added to a
 * registry explicitly; they must be stateless and thread-safe.
 *
 * <p>Most modules extend {@link ProcessorModule} or {@link OperatorModule}, which supply riko's
 * conf resolution and result folding; a module may also implement this interface directly.
 */
public interface RikoModule {

  /** What the catalog reports about this module. */
  ModuleMetadata metadata();

  /** The module name ({@code metadata().name()}). */
  default String name() {
    return metadata().name();
  }

  /**
   * Configures the module for one call. Errors in a static conf are thrown here, as
   * {@link riko.conf.ConfException}, before anything runs; data errors travel through the
   * returned transformer's stream.
   */
  ItemTransformer create(ModuleCall call);
}
