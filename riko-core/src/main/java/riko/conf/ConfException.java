package riko.conf;

import riko.spi.RikoException;

/**
 * A module's conf is unusable: a required key is missing, or a value has the wrong shape or is
 * not one of the accepted values. Thrown while a pipe or pipeline is assembled whenever the
 * conf is static, otherwise when the offending item is processed.
 */
public class ConfException extends RikoException {

  private static final long serialVersionUID = 1L;

  /** The module whose conf is unusable. */
  private final String module;
  /** The conf key at fault. */
  private final String key;

  /**
   * @param module the module's label, e.g. {@code filter} or {@code filter (sw-3)}
   * @param key the conf key at fault
   * @param problem what is wrong with it, and what would have been accepted
   */
  public ConfException(String module, String key, String problem) {
    super("module '" + module + "': conf key '" + key + "' " + problem);
    this.module = module;
    this.key = key;
  }

  /** The module's label. */
  public String module() {
    return module;
  }

  /** The conf key at fault. */
  public String key() {
    return key;
  }
}
