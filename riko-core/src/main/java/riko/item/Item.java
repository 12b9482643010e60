package riko.item;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import riko.value.PyStr;
import riko.value.TypedValue;

/**
 * One element of a riko stream: an immutable, insertion-ordered record of JSON-like values with
 * case-insensitive keys, read and written with riko's dotted paths ({@code conf.md} 6).
 *
 * <p>Values are {@code null}, {@link Boolean}, {@link Long}, {@link Double},
 * {@link java.math.BigDecimal} (and {@link riko.value.DecimalNaN}), {@link String}, dates
 * ({@link java.time.LocalDate}, {@link java.time.ZonedDateTime}, {@link riko.value.TimeTuple}),
 * unmodifiable lists of values, and nested items. Every write returns a new item:
 *
 * <pre>{@code
 * Item item = Item.of(Map.of("title", "riko"));
 * Item enriched = item.with("author.name", "Reuben");   // item itself is unchanged
 * enriched.get("AUTHOR.Name");                          // "Reuben"
 * }</pre>
 *
 * <p><b>Raw values.</b> riko modules may emit bare values (a string, a number) instead of
 * records. {@link #ofValue(Object)} wraps one: it reads as {@code {"content": value}}, prints
 * as the bare value, and becomes an ordinary item on the first write.
 *
 * <p><b>Quirks kept from riko.</b> A nested map whose keys are exactly {@code {value}} or
 * {@code {type, value}} collapses to its value; keys that look like integers cannot be read
 * through a path; dotted keys in a source map are nested, and win over a plain key of the same
 * name.
 */
public final class Item {

  private static final Item EMPTY = new Item(new LinkedHashMap<>(), false, null);

  /** Folded (lower-case) key to the entry holding the key's latest spelling and the value. */
  private final LinkedHashMap<String, Entry> entries;
  private final boolean raw;
  private final @Nullable Object rawValue;

  private record Entry(String key, @Nullable Object value) {}

  private Item(LinkedHashMap<String, Entry> entries, boolean raw, @Nullable Object rawValue) {
    this.entries = entries;
    this.raw = raw;
    this.rawValue = rawValue;
  }

  /** The empty item {@code {}}. */
  public static Item empty() {
    return EMPTY;
  }

  /**
   * An item holding {@code map}'s entries in order. Nested maps become items, dotted keys are
   * nested ({@code "a.b": 1} is {@code {"a": {"b": 1}}}) and win over a plain key of the same
   * name, and typed-value maps collapse.
   */
  public static Item of(Map<String, ?> map) {
    if (map.isEmpty()) {
      return EMPTY;
    }
    Set<String> dottedParents = null;
    for (String key : map.keySet()) {
      int dot = key.indexOf('.');
      if (dot > 0) {
        if (dottedParents == null) {
          dottedParents = new HashSet<>();
        }
        dottedParents.add(fold(key.substring(0, dot)));
      }
    }
    LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(Math.max(4, map.size() * 2));
    for (Map.Entry<String, ?> e : map.entrySet()) {
      String key = e.getKey();
      int dot = key.indexOf('.');
      if (dottedParents == null || (dot <= 0 && !dottedParents.contains(fold(key)))) {
        entries.put(fold(key), new Entry(key, normalise(e.getValue())));
      } else if (dot > 0) {
        List<String> segments = ItemPath.parse(key).segments();
        String parent = segments.get(0);
        Entry existing = entries.get(fold(parent));
        Object value = segments.size() == 1 ? normalise(e.getValue()) : nestedValue(existing, segments, e.getValue());
        entries.put(fold(parent), new Entry(existing != null ? existing.key() : parent, value));
      }
    }
    return new Item(entries, false, null);
  }


  private static Item nestedValue(@Nullable Entry existing, List<String> segments, @Nullable Object value) {
    Item child = existing != null && existing.value() instanceof Item item && !item.isRaw() ? item : EMPTY;
    return child.withSegments(segments, 1, value);
  }

  /** An item with one entry. */
  public static Item of(String key, @Nullable Object value) {
    return EMPTY.with(key, value);
  }

  /**
   * A stream element for {@code value}: maps become items, items stay as they are, and any other
   * value becomes a raw item that reads as {@code {"content": value}}.
   */
  public static Item ofValue(@Nullable Object value) {
    if (value instanceof Item item) {
      return item;
    }
    if (value instanceof Map<?, ?> map) {
      return of(stringKeys(map));
    }
    LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    Object normalised = normalise(value);
    entries.put("content", new Entry("content", normalised));
    return new Item(entries, true, normalised);
  }

  /** Whether this item stands for a bare value ({@link #ofValue(Object)}). */
  public boolean isRaw() {
    return raw;
  }

  /** The bare value of a raw item; {@code null} for an ordinary item. */
  public @Nullable Object rawValue() {
    return rawValue;
  }

  /** This item as an ordinary record: a raw item becomes {@code {"content": value}}. */
  public Item normalised() {
    return raw ? new Item(entries, false, null) : this;
  }

  /** Whether the item has no keys. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The number of top-level keys. */
  public int size() {
    return entries.size();
  }

  /** The top-level keys in insertion order, each in its latest spelling. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      keys.add(e.key());
    }
    return keys;
  }

  /** Whether a top-level key exists (case-insensitive). */
  public boolean containsKey(String key) {
    return entries.containsKey(fold(key));
  }

  /** The value of a top-level key (case-insensitive, no path splitting); {@code null} if missing. */
  public @Nullable Object getKey(String key) {
    Entry e = entries.get(fold(key));
    return e == null ? null : e.value();
  }

  /** The top-level entries in order, as an unmodifiable map keyed by each key's latest spelling. */
  public Map<String, @Nullable Object> asMap() {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    for (Entry e : entries.values()) {
      map.put(e.key(), e.value());
    }
    return Collections.unmodifiableMap(map);
  }

  /** The value at a dotted path ({@code conf.md} 6.2); {@code null} when missing. */
  public @Nullable Object get(String path) {
    return get(ItemPath.parse(path));
  }

  /** The value at a dotted path, or empty when missing or {@code null}. */
  public Optional<Object> find(String path) {
    return Optional.ofNullable(get(path));
  }

  /** The value at {@code path} with riko's read rules; {@code null} when missing. */
  public @Nullable Object get(ItemPath path) {
    Object current = this;
    for (String segment : path.segments()) {
      if (current == null) {
        return null;
      }
      if (current instanceof Item item) {
        if (ItemPath.index(segment).isPresent()) {
          return null;
        }
        Entry e = item.entries.get(fold(segment));
        if (e == null) {
          return null;
        }
        current = e.value();
      } else if (current instanceof List<?> list) {
        current = step(list, segment);
      } else {
        return current; // descending past a scalar yields the scalar (QUIRK)
      }
    }
    return current;
  }

  private static @Nullable Object step(List<?> list, String segment) {
    if (list.isEmpty()) {
      return list;
    }
    Object first = list.get(0);
    OptionalInt index = ItemPath.index(segment);
    if (first instanceof Item) {
      if (index.isPresent()) {
        return null;
      }
      List<@Nullable Object> plucked = new ArrayList<>(list.size());
      for (Object element : list) {
        if (!(element instanceof Item item) || !item.containsKey(segment)) {
          return null;
        }
        plucked.add(item.getKey(segment));
      }
      return Collections.unmodifiableList(plucked);
    }
    if (first instanceof String || first instanceof Long || first instanceof Boolean) {
      if (index.isEmpty()) {
        return null;
      }
      int i = index.getAsInt();
      int at = i < 0 ? list.size() + i : i;
      return at >= 0 && at < list.size() ? list.get(at) : null;
    }
    return list; // any other list is returned whatever the segment (QUIRK)
  }

  /**
   * A copy with {@code value} written at a dotted path ({@code conf.md} 6.3): missing or
   * non-map intermediate values are replaced by new items.
   */
  public Item with(String path, @Nullable Object value) {
    return with(ItemPath.parse(path), value);
  }

  /** A copy with {@code value} written at {@code path}; the empty path returns this item. */
  public Item with(ItemPath path, @Nullable Object value) {
    if (path.isEmpty()) {
      return this;
    }
    return withSegments(path.segments(), 0, value);
  }

  private Item withSegments(List<String> segments, int at, @Nullable Object value) {
    String segment = segments.get(at);
    if (at == segments.size() - 1) {
      return put(segment, value);
    }
    Entry existing = entries.get(fold(segment));
    if (existing != null && existing.value() instanceof Item child && !child.isRaw()) {
      // writing through an existing map keeps that key's spelling, as riko does
      return put(existing.key(), child.withSegments(segments, at + 1, value));
    }
    return put(segment, EMPTY.withSegments(segments, at + 1, value));
  }

  /** A copy with the top-level {@code key} set (no path splitting). */
  public Item put(String key, @Nullable Object value) {
    LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.put(fold(key), new Entry(key, normalise(value)));
    return new Item(copy, false, null);
  }

  /** A copy without the value at a dotted path; a missing path leaves the item as it is. */
  public Item without(String path) {
    ItemPath parsed = ItemPath.parse(path);
    return parsed.isEmpty() ? this : withoutSegments(parsed.segments(), 0);
  }

  private Item withoutSegments(List<String> segments, int at) {
    String folded = fold(segments.get(at));
    Entry e = entries.get(folded);
    if (e == null) {
      return this;
    }
    LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
    if (at == segments.size() - 1) {
      copy.remove(folded);
    } else if (e.value() instanceof Item child) {
      copy.put(folded, new Entry(e.key(), child.withoutSegments(segments, at + 1)));
    } else {
      return this;
    }
    return new Item(copy, false, null);
  }

  /** A copy without the top-level key spelled exactly {@code key} (case-sensitive). */
  public Item withoutExactKey(String key) {
    Entry e = entries.get(fold(key));
    if (e == null || !e.key().equals(key)) {
      return raw ? normalised() : this;
    }
    LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.remove(fold(key));
    return new Item(copy, false, null);
  }

  /** A copy holding this item's entries followed by {@code other}'s; {@code other} wins on conflicts. */
  public Item merge(Item other) {
    LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.putAll(other.entries);
    return new Item(copy, false, null);
  }

  /** A copy with every key at every depth lower-cased (riko's "as plain dict" export, {@code conf.md} 6.4). */
  public Item lowerCased() {
    LinkedHashMap<String, Entry> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      copy.put(e.getKey(), new Entry(e.getKey(), lowerCasedValue(e.getValue().value())));
    }
    return new Item(copy, raw, raw ? rawValue : null);
  }

  private static @Nullable Object lowerCasedValue(@Nullable Object value) {
    if (value instanceof Item item) {
      return item.lowerCased();
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(lowerCasedValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /**
   * The stored form of a value: maps become items (typed-value maps collapse), collections
   * become unmodifiable lists, and small integer and float types widen to {@link Long} and
   * {@link Double}.
   */
  static @Nullable Object normalise(@Nullable Object value) {
    if (value instanceof Item item) {
      if (item.raw) {
        return item.normalised();
      }
      return item.entries.size() <= 2 && TypedValue.isTypedValue(item.asMap())
          ? normalise(TypedValue.collapse(item.asMap()))
          : item;
    }
    if (value instanceof Map<?, ?> map) {
      if (TypedValue.isTypedValue(map)) {
        return normalise(TypedValue.collapse(map));
      }
      return of(stringKeys(map));
    }
    if (value instanceof Collection<?> collection) {
      List<@Nullable Object> list = new ArrayList<>(collection.size());
      for (Object element : collection) {
        list.add(normalise(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> stringKeys(Map<?, ?> map) {
    boolean allStrings = true;
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        allStrings = false;
        break;
      }
    }
    if (allStrings) {
      return (Map<String, @Nullable Object>) map; // only read: no copy needed
    }
    Map<String, @Nullable Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }


  private static String fold(String key) {
    return key.toLowerCase(Locale.ROOT);
  }

  /** Equal when both are raw with equal values, or both are records with the same keys (ignoring case) and equal values. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Item other) || raw != other.raw || entries.size() != other.entries.size()) {
      return false;
    }
    if (raw) {
      return Objects.equals(rawValue, other.rawValue);
    }
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Entry> e = it.next();
      Entry theirs = other.entries.get(e.getKey());
      if (theirs == null || !Objects.equals(e.getValue().value(), theirs.value())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    if (raw) {
      return Objects.hashCode(rawValue);
    }
    int h = 0;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      h += e.getKey().hashCode() ^ Objects.hashCode(e.getValue().value());
    }
    return h;
  }

  /** Python's repr of the record, or of the bare value of a raw item. */
  @Override
  public String toString() {
    return PyStr.repr(this);
  }
}
