package riko.item;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A dotted path such as {@code author.name} or {@code stanzas.verses.1}, split the way riko
 * splits it: trailing dots removed, the empty string meaning the whole item (a path of dots
 * only, such as {@code "."}, is the one empty key), and segments that Python's {@code int()}
 * accepts treated as list indexes when reading.
 */
public final class ItemPath {

  private static final Pattern PY_INT = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");

  private final String text;
  private final List<String> segments;

  private ItemPath(String text, List<String> segments) {
    this.text = text;
    this.segments = segments;
  }

  /** Parses a dotted path. */
  public static ItemPath parse(String path) {
    String trimmed = path;
    while (trimmed.endsWith(".")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (path.isEmpty()) {
      return new ItemPath(path, List.of());
    }
    return new ItemPath(path, List.copyOf(List.of(trimmed.split("\\.", -1))));
  }

  /** A one-segment path whose only key is {@code key}, dots included. */
  public static ItemPath key(String key) {
    return new ItemPath(key, List.of(key));
  }

  /** The segments, in order; empty for the whole item. */
  public List<String> segments() {
    return segments;
  }

  /** Whether this path selects the whole item. */
  public boolean isEmpty() {
    return segments.isEmpty();
  }

  /** The last segment; the path must not be empty. */
  public String leaf() {
    return segments.get(segments.size() - 1);
  }

  /** All segments but the last. */
  public List<String> parent() {
    return new ArrayList<>(segments.subList(0, segments.size() - 1));
  }

  /**
   * The integer a segment stands for under Python's {@code int()} rules, if any: such a segment
   * indexes a list of scalars and never matches a map key ({@code conf.md} 6.2).
   */
  public static OptionalInt index(String segment) {
    if (!PY_INT.matcher(segment).matches()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(segment.strip().replace("_", "")));
    } catch (NumberFormatException tooLarge) {
      return OptionalInt.of(Integer.MAX_VALUE);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
