package riko.reactive.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A map with feedparser's key aliases: writing {@code description} stores {@code summary},
 * {@code guid} stores {@code id}, {@code url} stores {@code href}, and so on; reading an alias
 * reads the stored key. This is why riko's entries never show a {@code description} key.
 */
final class FeedDict extends LinkedHashMap<String, @Nullable Object> {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("channel", "feed"),
      Map.entry("items", "entries"),
      Map.entry("guid", "id"),
      Map.entry("date", "updated"),
      Map.entry("date_parsed", "updated_parsed"),
      Map.entry("description", "summary"),
      Map.entry("description_detail", "summary_detail"),
      Map.entry("url", "href"),
      Map.entry("modified", "updated"),
      Map.entry("modified_parsed", "updated_parsed"),
      Map.entry("issued", "published"),
      Map.entry("issued_parsed", "published_parsed"),
      Map.entry("copyright", "rights"),
      Map.entry("copyright_detail", "rights_detail"),
      Map.entry("tagline", "subtitle"),
      Map.entry("tagline_detail", "subtitle_detail"));

  FeedDict() {}

  /** A copy of {@code entries} as they are (no aliasing: feedparser copies attribute maps this way). */
  FeedDict(Map<String, ? extends @Nullable Object> entries) {
    entries.forEach(super::put);
  }

  private static String stored(String key) {
    return ALIASES.getOrDefault(key, key);
  }

  @Override
  public @Nullable Object put(String key, @Nullable Object value) {
    return super.put(stored(key), value);
  }

  /** The value under {@code key} or the key it aliases; null when neither is present. */
  @Nullable Object read(String key) {
    if (super.containsKey(key) && !ALIASES.containsKey(key)) {
      return super.get(key);
    }
    String stored = stored(key);
    return super.containsKey(stored) ? super.get(stored) : super.get(key);
  }

  /** Whether {@code key} or the key it aliases is present. */
  boolean has(String key) {
    return super.containsKey(stored(key)) || super.containsKey(key);
  }

  /** Stores {@code value} unless the key is present; returns the value now stored. */
  @Nullable Object keep(String key, @Nullable Object value) {
    if (!has(key)) {
      put(key, value);
      return value;
    }
    return read(key);
  }

  /** The text under {@code key}, or null. */
  @Nullable String text(String key) {
    return read(key) instanceof String s ? s : null;
  }

  /** The list under {@code key}, stored first (empty) when there is none (feedparser's {@code setdefault(key, [])}). */
  @SuppressWarnings("unchecked")
  List<Object> list(String key) {
    Object value = read(key);
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    List<Object> created = new ArrayList<>();
    put(key, created);
    return created;
  }
}
