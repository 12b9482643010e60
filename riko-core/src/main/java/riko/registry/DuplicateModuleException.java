package riko.registry;

import riko.spi.RikoException;

/** Two modules were registered under one name without an explicit {@code replace}. */
public class DuplicateModuleException extends RikoException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the contested name
   * @param first where the first module came from (class and jar)
   * @param second where the second came from
   */
  public DuplicateModuleException(String name, String first, String second) {
    super("Two modules are named '" + name + "': " + first + " and " + second
        + ". Remove one from the classpath, or use ModuleRegistry.Builder.replace(...) to override on purpose.");
  }
}
