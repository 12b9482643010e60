package riko.conf;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@code count} call option: how many of a module's results are kept ({@code conf.md} 4.2). */
public enum Count {
  /** Only the first result. */
  FIRST,
  /** Every result; when assigned, always as a list. */
  ALL;

  /** Parses {@code first} or {@code all} (any case); anything else is absent. */
  public static Optional<Count> parse(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "first" -> Optional.of(FIRST);
      case "all" -> Optional.of(ALL);
      default -> Optional.empty();
    };
  }
}
