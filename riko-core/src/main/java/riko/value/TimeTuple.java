package riko.value;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A Python {@code time.struct_time}: the UTC wall-clock time riko uses for feed dates
 * ({@code published_parsed}, {@code pubDate}) and {@code datebuilder} results. It is written as
 * {@code YYYY-MM-DDTHH:MM:SS}, never with an offset.
 *
 * @param utc the date and time, in UTC
 */
public record TimeTuple(LocalDateTime utc) implements Comparable<TimeTuple> {

  private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** The tuple for an instant given as a zoned date-time. */
  public static TimeTuple of(ZonedDateTime dateTime) {
    return new TimeTuple(dateTime.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0));
  }

  /** This tuple as a UTC date-time. */
  public ZonedDateTime toZonedDateTime() {
    return utc.atZone(ZoneOffset.UTC);
  }

  /** The JSON form: {@code YYYY-MM-DDTHH:MM:SS}. */
  public String isoString() {
    return utc.format(ISO_SECONDS);
  }

  @Override
  public int compareTo(TimeTuple other) {
    return utc.compareTo(other.utc);
  }

  @Override
  public String toString() {
    return isoString();
  }
}
