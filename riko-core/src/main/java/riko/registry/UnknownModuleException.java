package riko.registry;

import java.util.Collection;
import riko.spi.RikoException;

/** A module name that no registered module answers to (riko's {@code UnsupportedModuleError}). */
public class UnknownModuleException extends RikoException {

  private static final long serialVersionUID = 1L;

  /** The name that was looked up. */
  private final String moduleName;

  /**
   * @param moduleName the unknown name
   * @param where where it was asked for, e.g. {@code module 'sw-3' in pipeline 'news.json'}; may be empty
   * @param known the names that are registered
   */
  public UnknownModuleException(String moduleName, String where, Collection<String> known) {
    super("Unsupported riko module: '" + moduleName + "'" + (where.isEmpty() ? "" : " (" + where + ")")
        + ". Known modules: " + String.join(", ", known));
    this.moduleName = moduleName;
  }

  /** The unknown name. */
  public String moduleName() {
    return moduleName;
  }
}
