package riko.value;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * riko's typed values: a map whose keys are exactly {@code {value}} or {@code {type, value}}.
 * They are collapsed to their (cast) value wherever riko reads conf or nested item values
 * ({@code conf.md} 2.3 and 6.5).
 */
public final class TypedValue {

  private TypedValue() {}

  /** Whether {@code map} has exactly the keys {@code value}, or {@code type} and {@code value}. */
  public static boolean isTypedValue(Map<?, ?> map) {
    if (map.size() == 1) {
      return hasKey(map, "value");
    }
    return map.size() == 2 && hasKey(map, "value") && hasKey(map, "type");
  }

  /**
   * The value of a typed-value map, cast when its type names a cast (except {@code location},
   * which riko leaves uncast) and left as is otherwise.
   */
  public static @Nullable Object collapse(Map<?, ?> map) {
    Object value = get(map, "value");
    Object type = get(map, "type");
    if (!(type instanceof String typeName)) {
      return value;
    }
    String lower = typeName.toLowerCase(Locale.ROOT);
    if (lower.equals("text") && value instanceof String) {
      return value;
    }
    Optional<Cast> cast = Cast.named(lower).filter(c -> c != Cast.LOCATION);
    return cast.isPresent() ? cast.get().apply(value) : value;
  }

  private static boolean hasKey(Map<?, ?> map, String key) {
    for (Object k : map.keySet()) {
      if (k instanceof String s && s.equalsIgnoreCase(key)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Object get(Map<?, ?> map, String key) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getKey() instanceof String s && s.equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }
}
