package riko.value;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * riko's typed values: a map whose keys are exactly {@code {value}} or {@code {type, value}}
 * (keys compared case-insensitively, as riko's items compare them).
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
   * The value of a typed-value map ({@code conf.md} 2.3), cast when its type names a cast and
   * left as is otherwise: without a type (or with an empty one), for {@code text} when the value
   * is already a string, for {@code location} (riko logs that it does not cast locations), for
   * {@code module}, and for any name that is not exactly a cast name ({@code "INT"} is not).
   * "Now" and "today" come from the system clock.
   */
  public static @Nullable Object collapse(Map<?, ?> map) {
    return collapse(map, Clock.systemUTC());
  }

  /** As {@link #collapse(Map)}, reading "now" and "today" from {@code clock}. */
  public static @Nullable Object collapse(Map<?, ?> map, Clock clock) {
    return cast(get(map, "type"), get(map, "value"), clock);
  }

  /**
   * A typed value's value after its type's cast: uncast when the type is absent or not a
   * cast name (names match exactly), when it is {@code location}, or when it is {@code text}
   * and the value is already a string.
   */
  public static @Nullable Object cast(@Nullable Object type, @Nullable Object value, Clock clock) {
    if (!(type instanceof String typeName) || (typeName.equals("text") && value instanceof String)) {
      return value;
    }
    Optional<Cast> cast = Cast.named(typeName).filter(c -> c != Cast.LOCATION);
    return cast.isPresent() ? cast.get().apply(value, clock) : value;
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
