package riko.conf;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import riko.item.Item;
import riko.value.Cast;
import riko.value.PyStr;
import riko.value.Truthiness;

/**
 * A conf after resolution: plain values (maps, lists, scalars, items read through references),
 * keys lower-cased, missing keys reading as {@code null}. The typed getters apply riko's
 * conversions and name the module and key when a required value is missing.
 */
public final class ResolvedConf {

  private final String module;
  private final Map<String, @Nullable Object> values;
  /** The last {@link #parsed} form: {@code {type, value}}, published whole. */
  private volatile Object @Nullable [] parsed;

  /**
   * @param module the module's label, used in error messages
   * @param values the resolved values, keys lower-cased
   */
  public ResolvedConf(String module, Map<String, @Nullable Object> values) {
    this.module = module;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * The conf read into a module's typed form, parsed once per conf: a conf resolved once for the
   * whole run (no item references) is not parsed again for every item.
   *
   * @param type the typed form's class, which identifies the parse
   * @param parser reads the typed form (and throws {@link ConfException} for a bad conf)
   * @return the typed form
   */
  public <T> T parsed(Class<T> type, Function<ResolvedConf, ? extends T> parser) {
    Object[] last = parsed;
    if (last != null && last[0] == type) {
      return type.cast(last[1]);
    }
    T value = parser.apply(this);
    parsed = new Object[] {type, value};
    return value;
  }

  /** The module's label, for error messages. */
  public String module() {
    return module;
  }

  /** All values, keys lower-cased. */
  public Map<String, @Nullable Object> asMap() {
    return values;
  }

  /** Whether the key is present (its value may be {@code null}). */
  public boolean has(String key) {
    return values.containsKey(key.toLowerCase(Locale.ROOT));
  }

  /** The value of a key; {@code null} when missing. */
  public @Nullable Object get(String key) {
    return values.get(key.toLowerCase(Locale.ROOT));
  }

  /** The value of a key, when present and not {@code null}. */
  public Optional<Object> find(String key) {
    return Optional.ofNullable(get(key));
  }

  /** The value as text ({@code str()}), or {@code fallback} when missing or {@code null}. */
  public String text(String key, String fallback) {
    Object v = get(key);
    return v == null ? fallback : PyStr.str(v);
  }

  /** The value as text, or empty when missing, {@code null} or empty. */
  public Optional<String> optionalText(String key) {
    Object v = get(key);
    return v == null || PyStr.str(v).isEmpty() ? Optional.empty() : Optional.of(PyStr.str(v));
  }

  /** The value as text; a {@link ConfException} when missing or {@code null}. */
  public String requireText(String key) {
    Object v = get(key);
    if (v == null) {
      throw new ConfException(module, key, "is required");
    }
    return PyStr.str(v);
  }

  /** The value cast with riko's {@code int} rule (missing or unreadable is 0). */
  public long integer(String key) {
    return Cast.toInt(get(key));
  }

  /** The value's Python truthiness, or {@code fallback} when missing or {@code null}. */
  public boolean flag(String key, boolean fallback) {
    Object v = get(key);
    return v == null ? fallback : Truthiness.isTruthy(v);
  }

  /**
   * The value as a list (riko's "listize"): a single value or map becomes a one-element list.
   *
   * @throws ConfException when the key is missing or {@code null}
   */
  public List<@Nullable Object> requireList(String key) {
    Object v = get(key);
    if (v == null) {
      throw new ConfException(module, key, "is required");
    }
    return listOf(v);
  }

  /** The value as a list; empty when missing or {@code null}. */
  public List<@Nullable Object> list(String key) {
    Object v = get(key);
    return v == null ? List.of() : listOf(v);
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> listOf(Object v) {
    if (v instanceof List<?> list) {
      return (List<@Nullable Object>) list;
    }
    if (v instanceof Collection<?> c) {
      return List.copyOf((Collection<Object>) c);
    }
    return Collections.singletonList(v);
  }

  /**
   * A map-valued entry (a rule, an attribute) as a {@code ResolvedConf} of its own, so rule keys
   * get the same getters. Items and maps are accepted.
   *
   * @throws ConfException when the value is not a map
   */
  public static ResolvedConf entry(String module, String key, @Nullable Object value) {
    if (value instanceof Item item) {
      return new ResolvedConf(module, lowerKeys(item.asMap()));
    }
    if (value instanceof Map<?, ?> map) {
      return new ResolvedConf(module, lowerKeys(map));
    }
    throw new ConfException(module, key, "must be a map, was " + PyStr.repr(value));
  }

  private static Map<String, @Nullable Object> lowerKeys(Map<?, ?> map) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k).toLowerCase(Locale.ROOT), v));
    return out;
  }

  @Override
  public String toString() {
    return module + " " + values;
  }
}
