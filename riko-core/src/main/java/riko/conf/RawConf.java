package riko.conf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import riko.item.Item;

/**
 * A module's conf as written, before resolution: a tree of maps, lists and scalars whose map
 * keys are lower-cased at every depth and whose dotted keys are nested ({@code conf.md} 2.1-2.2).
 * Values may still be typed values ({@code {"type": "int", "value": "5"}}), item references
 * ({@code {"subkey": "title"}}) or terminal references ({@code {"terminal": "count"}}); a
 * {@link ConfResolver} turns them into plain values.
 */
public final class RawConf {

  private static final RawConf EMPTY = new RawConf(Map.of());

  private final Map<String, @Nullable Object> entries;

  private RawConf(Map<String, @Nullable Object> entries) {
    this.entries = entries;
  }

  /** The empty conf {@code {}}. */
  public static RawConf empty() {
    return EMPTY;
  }

  /** A conf from a map as written in Java or JSON ({@code null} reads as {@code {}}). */
  public static RawConf of(@Nullable Map<String, ?> conf) {
    if (conf == null || conf.isEmpty()) {
      return EMPTY;
    }
    return new RawConf(Collections.unmodifiableMap(normaliseMap(conf)));
  }

  /** A conf from alternating keys and values, e.g. {@code RawConf.of("count", 3, "start", 1)}. */
  public static RawConf of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("RawConf.of needs key/value pairs, got an odd number of arguments");
    }
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return of(map);
  }

  /** This conf laid over {@code defaults}, key by key (the caller's keys win). */
  public RawConf withDefaults(Map<String, ?> defaults) {
    if (defaults.isEmpty()) {
      return this;
    }
    Map<String, @Nullable Object> merged = normaliseMap(defaults);
    merged.putAll(entries);
    return new RawConf(Collections.unmodifiableMap(merged));
  }

  /** A copy with one key set (the key is lower-cased). */
  public RawConf with(String key, @Nullable Object value) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(entries);
    copy.put(key.toLowerCase(Locale.ROOT), normalise(value));
    return new RawConf(Collections.unmodifiableMap(copy));
  }

  /** Whether the key is present (even with a {@code null} value). */
  public boolean has(String key) {
    return entries.containsKey(key.toLowerCase(Locale.ROOT));
  }

  /** The raw value of a key; {@code null} when absent. */
  public @Nullable Object get(String key) {
    return entries.get(key.toLowerCase(Locale.ROOT));
  }

  /** The entries, keys lower-cased, in the order written. */
  public Map<String, @Nullable Object> asMap() {
    return entries;
  }

  /**
   * Whether resolving this conf depends on the current item or on a terminal: it holds an item
   * reference anywhere, or a terminal reference naming one of {@code terminals}.
   */
  public boolean isDynamic(Set<String> terminals) {
    return isDynamic(entries, terminals);
  }

  /** The (normalised) names of every terminal this conf refers to. */
  public Set<String> referencedTerminals() {
    Set<String> names = new LinkedHashSet<>();
    collectTerminals(entries, names);
    return names;
  }

  private static void collectTerminals(@Nullable Object value, Set<String> names) {
    if (value instanceof Map<?, ?> map) {
      if (ConfResolver.isTerminalReference(map)) {
        names.add(ConfResolver.terminalName(map));
      }
      map.values().forEach(v -> collectTerminals(v, names));
    } else if (value instanceof Collection<?> list) {
      list.forEach(v -> collectTerminals(v, names));
    }
  }

  private static boolean isDynamic(@Nullable Object value, Set<String> terminals) {
    if (value instanceof Map<?, ?> map) {
      if (map.containsKey("subkey")) {
        return true;
      }
      if (ConfResolver.isTerminalReference(map) && terminals.contains(ConfResolver.terminalName(map))) {
        return true;
      }
      for (Object v : map.values()) {
        if (isDynamic(v, terminals)) {
          return true;
        }
      }
    } else if (value instanceof Collection<?> list) {
      for (Object v : list) {
        if (isDynamic(v, terminals)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Lower-cases keys and nests dotted ones; as in riko's items, a dotted key wins over a plain key of its parent's name. */
  private static Map<String, @Nullable Object> normaliseMap(Map<?, ?> map) {
    Set<String> dottedParents = new HashSet<>();
    for (Object k : map.keySet()) {
      String key = String.valueOf(k).toLowerCase(Locale.ROOT);
      if (isDotted(key)) {
        dottedParents.add(key.substring(0, key.indexOf('.')));
      }
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
      Object value = normalise(e.getValue());
      if (isDotted(key)) {
        putPath(out, key.split("\\."), value);
      } else if (!dottedParents.contains(key)) {
        out.put(key, value);
      }
    }
    return out;
  }

  private static boolean isDotted(String key) {
    return key.indexOf('.') > 0 && !key.endsWith(".");
  }

  @SuppressWarnings("unchecked")
  private static void putPath(Map<String, @Nullable Object> root, String[] segments, @Nullable Object value) {
    Map<String, @Nullable Object> current = root;
    for (int i = 0; i < segments.length - 1; i++) {
      Object child = current.get(segments[i]);
      if (!(child instanceof LinkedHashMap<?, ?>)) {
        child = new LinkedHashMap<String, @Nullable Object>();
        current.put(segments[i], child);
      }
      current = (Map<String, @Nullable Object>) child;
    }
    current.put(segments[segments.length - 1], value);
  }

  private static @Nullable Object normalise(@Nullable Object value) {
    if (value instanceof Item item) {
      return item.isRaw() ? item.rawValue() : normaliseMap(item.asMap());
    }
    if (value instanceof Map<?, ?> map) {
      return normaliseMap(map);
    }
    if (value instanceof Collection<?> list) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(normalise(element));
      }
      return out;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value;
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
