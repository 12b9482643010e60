package riko.conf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import riko.item.Item;

/**
 * The terminal inputs of one run of a module: named streams whose values are handed out one at
 * a time to terminal references in the conf ({@code conf.md} 2.3). Each resolution takes the
 * next value; an exhausted terminal gives {@code null}.
 *
 * <p>A terminal stream is read to its end before the module starts (terminals usually carry one
 * value: an {@code input}, a {@code count}), so an endless stream must not be wired to a
 * terminal. Instances are confined to one subscription and are not thread-safe.
 */
public final class Terminals {

  private static final Terminals NONE = new Terminals(Map.of());

  private final Map<String, Cursor> cursors;

  private static final class Cursor {
    private final List<Item> values;
    private int next;

    Cursor(List<Item> values) {
      this.values = values;
    }

    @Nullable Object next() {
      if (next >= values.size()) {
        return null;
      }
      Item item = values.get(next++);
      return item.isRaw() ? item.rawValue() : item;
    }
  }

  private Terminals(Map<String, Cursor> cursors) {
    this.cursors = cursors;
  }

  /** No terminals. */
  public static Terminals none() {
    return NONE;
  }

  /** Terminals over fixed values, e.g. for tests and Java callers. */
  public static Terminals of(Map<String, List<Item>> values) {
    Map<String, Cursor> cursors = new LinkedHashMap<>();
    values.forEach((name, list) -> cursors.put(normaliseName(name), new Cursor(List.copyOf(list))));
    return new Terminals(cursors);
  }

  /** Reads every terminal stream to its end, then hands out their values in order. */
  public static Mono<Terminals> open(Map<String, Flux<Item>> streams) {
    if (streams.isEmpty()) {
      return Mono.just(NONE);
    }
    return Flux.fromIterable(streams.entrySet())
        .concatMap(e -> e.getValue().collectList().map(list -> Map.entry(e.getKey(), list)))
        .collectList()
        .map(entries -> {
          Map<String, Cursor> cursors = new LinkedHashMap<>();
          for (Map.Entry<String, List<Item>> e : entries) {
            cursors.put(normaliseName(e.getKey()), new Cursor(new ArrayList<>(e.getValue())));
          }
          return new Terminals(cursors);
        });
  }

  /** The (normalised) names of the terminals present. */
  public Set<String> names() {
    return Collections.unmodifiableSet(cursors.keySet());
  }

  /** Whether a terminal of this name (normalised) is present. */
  public boolean has(String name) {
    return cursors.containsKey(normaliseName(name));
  }

  /** The next value of the named terminal: a raw item's bare value, an item, or {@code null} when exhausted. */
  public @Nullable Object next(String name) {
    Cursor cursor = cursors.get(normaliseName(name));
    return cursor == null ? null : cursor.next();
  }

  /**
   * riko's terminal-name normalisation: a name that starts with a digit or a non-ASCII
   * character gets a {@code _} prefix ({@code 1_URL} becomes {@code _1_URL}).
   */
  public static String normaliseName(String name) {
    if (name.isEmpty()) {
      return name;
    }
    char first = name.charAt(0);
    return Character.isDigit(first) || first > 127 ? "_" + name : name;
  }
}
