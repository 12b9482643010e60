package riko.spi;

/**
 * A module failed while processing data (a runtime error travelling through the stream), for
 * example {@code simplemath} dividing by zero or {@code sort} comparing a number with text.
 */
public class ModuleException extends RikoException {

  private static final long serialVersionUID = 1L;

  /** The module (label) that failed. */
  private final String module;

  /**
   * @param module the module's label, e.g. {@code sort} or {@code sort (sw-3)}
   * @param problem what went wrong
   */
  public ModuleException(String module, String problem) {
    super("module '" + module + "': " + problem);
    this.module = module;
  }

  /** As {@link #ModuleException(String, String)}, with the underlying cause. */
  public ModuleException(String module, String problem, Throwable cause) {
    super("module '" + module + "': " + problem, cause);
    this.module = module;
  }

  /** The failing module's label. */
  public String module() {
    return module;
  }
}
