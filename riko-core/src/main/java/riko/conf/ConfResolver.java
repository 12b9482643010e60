package riko.conf;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import riko.item.Item;
import riko.value.PyStr;
import riko.value.TypedValue;

/**
 * Resolves a {@link RawConf} against the current item and the terminals ({@code conf.md} 2.3):
 * typed values are cast, item references read the item, terminal references take the
 * terminal's next value, and everything else is resolved recursively.
 */
public final class ConfResolver {

  private static final Set<String> TERMINAL_KEYS = Set.of("terminal", "type", "path");

  private final Clock clock;

  /** A resolver reading "now" from {@code clock} for date casts. */
  public ConfResolver(Clock clock) {
    this.clock = clock;
  }

  /** Resolves the whole conf for {@code module} against {@code item}. */
  public ResolvedConf resolve(String module, RawConf conf, Item item, Terminals terminals) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    conf.asMap().forEach((k, v) -> out.put(k, resolveValue(v, item, terminals)));
    return new ResolvedConf(module, out);
  }

  /** Resolves one conf value. */
  public @Nullable Object resolveValue(@Nullable Object value, Item item, Terminals terminals) {
    if (value instanceof Map<?, ?> map) {
      if (map.containsKey("subkey")) {
        Object path = resolveValue(map.get("subkey"), item, terminals);
        return path == null ? null : item.get(PyStr.str(path));
      }
      if (isTerminalReference(map)) {
        String name = terminalName(map);
        return terminals.has(name) ? terminals.next(name) : value;
      }
      if (TypedValue.isTypedValue(map)) {
        return collapse(map, item, terminals);
      }
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), resolveValue(v, item, terminals)));
      return out;
    }
    if (value instanceof Collection<?> list) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(resolveValue(element, item, terminals));
      }
      return out;
    }
    return value;
  }

  private @Nullable Object collapse(Map<?, ?> map, Item item, Terminals terminals) {
    return TypedValue.cast(map.get("type"), resolveValue(map.get("value"), item, terminals), clock);
  }


  /** Whether a conf map is a terminal reference: {@code terminal} plus optionally {@code type} and {@code path}. */
  static boolean isTerminalReference(Map<?, ?> map) {
    return map.containsKey("terminal") && map.size() >= 2 && map.size() <= 3 && TERMINAL_KEYS.containsAll(map.keySet());
  }

  /** The normalised terminal name of a terminal reference. */
  static String terminalName(Map<?, ?> map) {
    return Terminals.normaliseName(PyStr.str(map.get("terminal")));
  }
}
