package riko.value;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Optional;

/**
 * riko's date strings (spec {@code conf.md} 7.3): relative arithmetic ({@code +3 days}),
 * {@code last|next week|month|year}, the keywords {@code today}, {@code tomorrow},
 * {@code yesterday}, {@code now}, and free-form dates. A parsed value is a {@link LocalDate} or a
 * zone-aware {@link ZonedDateTime}.
 */
public final class DateParsing {

  private DateParsing() {}

  /**
   * Parses {@code text} as riko does, reading "now" and "today" from {@code clock}.
   *
   * @return a {@link LocalDate} or {@link ZonedDateTime}, or empty when the text is not a date
   */
  public static Optional<Temporal> parse(String text, Clock clock) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    switch (trimmed.toLowerCase(java.util.Locale.ROOT)) {
      case "today":
        return Optional.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
      case "tomorrow":
        return Optional.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1));
      case "yesterday":
        return Optional.of(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1));
      case "now":
        return Optional.of(ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)));
      default:
        break;
    }
    try {
      return Optional.of(ZonedDateTime.parse(trimmed, DateTimeFormatter.ISO_DATE_TIME));
    } catch (DateTimeParseException notZoned) {
      // fall through
    }
    try {
      return Optional.of(LocalDateTime.parse(trimmed).atZone(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // fall through
    }
    try {
      return Optional.of(LocalDate.parse(trimmed));
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }
}
