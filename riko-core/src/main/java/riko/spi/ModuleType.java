package riko.spi;

/** riko's module types: what a module consumes and produces. */
public enum ModuleType {
  /** Handles one item at a time (sources and transformers); mapped over a stream. */
  PROCESSOR,
  /** Sees the stream as a whole (composers and aggregators). */
  OPERATOR,
  /** Turns one stream into several. */
  SPLITTER;

  /** The lower-case name riko reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
