package riko.spi;

import java.util.List;

/**
 * What riko's catalog reports about a module ({@code apis.md} 5).
 *
 * @param name the module name used in confs and pipelines, e.g. {@code fetchdata}
 * @param type processor, operator or splitter
 * @param subtypes every subtype the module supports, the primary one first
 * @param loopable whether the module can be embedded in {@code loop} (every processor but {@code input})
 * @param pollable whether the stream may carry state markers ({@code send}, {@code receive})
 * @param description one line for {@code riko modules}
 */
public record ModuleMetadata(
    String name, ModuleType type, List<ModuleSubtype> subtypes, boolean loopable, boolean pollable, String description) {

  /** Checks the record is complete. */
  public ModuleMetadata {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a module needs a name");
    }
    if (subtypes.isEmpty()) {
      throw new IllegalArgumentException("module '" + name + "' needs at least one subtype");
    }
    subtypes = List.copyOf(subtypes);
  }

  /** The primary subtype. */
  public ModuleSubtype subtype() {
    return subtypes.get(0);
  }

  /** A loopable source processor. */
  public static ModuleMetadata source(String name, String description) {
    return new ModuleMetadata(name, ModuleType.PROCESSOR, List.of(ModuleSubtype.SOURCE), true, false, description);
  }

  /** A loopable transformer processor. */
  public static ModuleMetadata transformer(String name, String description) {
    return new ModuleMetadata(name, ModuleType.PROCESSOR, List.of(ModuleSubtype.TRANSFORMER), true, false, description);
  }

  /** A composer operator. */
  public static ModuleMetadata composer(String name, String description) {
    return new ModuleMetadata(name, ModuleType.OPERATOR, List.of(ModuleSubtype.COMPOSER), false, false, description);
  }

  /** An operator that aggregates, and composes when keyed ({@code count}, {@code sum}). */
  public static ModuleMetadata aggregator(String name, String description) {
    return new ModuleMetadata(name, ModuleType.OPERATOR,
        List.of(ModuleSubtype.AGGREGATOR, ModuleSubtype.COMPOSER), false, false, description);
  }

  /** The splitter. */
  public static ModuleMetadata splitter(String name, String description) {
    return new ModuleMetadata(name, ModuleType.SPLITTER, List.of(ModuleSubtype.SPLITTER), false, false, description);
  }

  /** A copy with another loopable flag. */
  public ModuleMetadata withLoopable(boolean loopable) {
    return new ModuleMetadata(name, type, subtypes, loopable, pollable, description);
  }
}
