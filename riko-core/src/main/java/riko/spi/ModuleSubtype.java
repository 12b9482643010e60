package riko.spi;

/** riko's module subtypes. */
public enum ModuleSubtype {
  /** A processor that produces items without reading its input item's field. */
  SOURCE,
  /** A processor that works on one field of each item. */
  TRANSFORMER,
  /** An operator producing a stream. */
  COMPOSER,
  /** An operator producing a single value. */
  AGGREGATOR,
  /** The splitter. */
  SPLITTER;

  /** The lower-case name riko reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
