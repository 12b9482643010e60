package riko.reactive.feed;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import riko.value.TimeTuple;

/**
 * Feed date parsing as feedparser does it: W3C date-time (ISO 8601 profile) first, then RFC 822
 * (two- or four-digit years, swapped day and month, named zones such as {@code EST}), then C's
 * {@code asctime} form. Offsets are applied, so the result is the UTC wall-clock time; a missing
 * zone means UTC. Anything else is unparseable (null).
 */
final class FeedDates {

  private static final Map<String, Integer> ZONES = Map.ofEntries(
      Map.entry("ut", 0), Map.entry("gmt", 0), Map.entry("z", 0),
      Map.entry("adt", -3), Map.entry("ast", -4), Map.entry("at", -4),
      Map.entry("edt", -4), Map.entry("est", -5), Map.entry("et", -5),
      Map.entry("cdt", -5), Map.entry("cst", -6), Map.entry("ct", -6),
      Map.entry("mdt", -6), Map.entry("mst", -7), Map.entry("mt", -7),
      Map.entry("pdt", -7), Map.entry("pst", -8), Map.entry("pt", -8),
      Map.entry("a", -1), Map.entry("n", 1), Map.entry("m", -12), Map.entry("y", 12));

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private FeedDates() {}

  /** The UTC time of {@code text}, or null when no supported form matches. */
  static @Nullable TimeTuple parse(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    TimeTuple parsed = w3dtf(text);
    if (parsed == null) {
      parsed = rfc822(text);
    }
    if (parsed == null) {
      parsed = asctime(text);
    }
    return parsed;
  }

  private static @Nullable TimeTuple w3dtf(String text) {
    if (text.isBlank()) {
      return null;
    }
    List<String> parts = new ArrayList<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("t", -1)));
    if (parts.size() == 1) {
      parts = new ArrayList<>(Arrays.asList(parts.get(0).strip().split("\\s+")));
      if (parts.size() == 1) {
        parts.add("00:00:00z");
      }
    } else if (parts.size() > 2) {
      return null;
    }
    String[] date = parts.get(0).split("-", 3);
    if (date[0].length() != 4) {
      return null;
    }
    String timePart = parts.get(1);
    String zone = "";
    if (timePart.endsWith("z")) {
      timePart = timePart.substring(0, timePart.length() - 1);
      zone = "z";
    }
    int cut = timePart.indexOf('-');
    if (cut < 0) {
      cut = timePart.indexOf('+');
    }
    if (cut >= 0) {
      zone = timePart.substring(cut);
      timePart = timePart.substring(0, cut);
    } else if (parts.size() > 2) {
      zone = parts.get(2);
    }
    try {
      int year = Integer.parseInt(date[0]);
      int month = date.length > 1 ? Integer.parseInt(date[1]) : 1;
      int day = date.length > 2 ? Integer.parseInt(date[2]) : 1;
      String[] time = timePart.split(":", 3);
      int hour = (int) Double.parseDouble(time[0]);
      int minute = time.length > 1 ? (int) Double.parseDouble(time[1]) : 0;
      int second = time.length > 2 ? (int) Double.parseDouble(time[2]) : 0;
      int offsetMinutes;
      if (zone.startsWith("-") || zone.startsWith("+")) {
        int hours = Integer.parseInt(zone.substring(1, Math.min(3, zone.length())));
        int minutes = zone.length() > 4 ? Integer.parseInt(zone.substring(4)) : 0;
        offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
      } else {
        offsetMinutes = ZONES.getOrDefault(zone, 0) * 60;
      }
      return utc(year, month, day, hour, minute, second, offsetMinutes);
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }

  private static @Nullable TimeTuple rfc822(String text) {
    List<String> parts = new ArrayList<>(Arrays.asList(text.toLowerCase(Locale.ROOT).strip().split("\\s+")));
    if (parts.size() < 5) {
      parts.add("00:00:00");
      parts.add("0000");
    }
    if (DAYS.contains(prefix(parts.get(0)))) {
      parts.remove(0);
    }
    if (parts.size() < 5) {
      return null;
    }
    int month = MONTHS.indexOf(prefix(parts.get(1))) + 1;
    int day;
    try {
      day = Integer.parseInt(parts.get(0));
    } catch (NumberFormatException e) {
      int swapped = MONTHS.indexOf(prefix(parts.get(0))) + 1;
      if (swapped == 0) {
        return null;
      }
      try {
        day = Integer.parseInt(parts.get(1));
      } catch (NumberFormatException e2) {
        return null;
      }
      month = swapped;
    }
    if (month == 0) {
      return null;
    }
    try {
      int year = Integer.parseInt(parts.get(2));
      if (parts.get(2).length() <= 2) {
        year += year < 90 ? 2000 : 1900;
      }
      String[] time = parts.get(3).split(":");
      int hour = Integer.parseInt(time[0]);
      int minute = time.length > 1 ? Integer.parseInt(time[1]) : 0;
      int second = time.length > 2 ? Integer.parseInt(time[2]) : 0;
      if (time.length > 3) {
        return null;
      }
      String zone = parts.get(4);
      if (zone.startsWith("etc/")) {
        zone = zone.substring(4);
      }
      if (zone.startsWith("gmt")) {
        String rest = zone.substring(3).replace(":", "");
        zone = rest.isEmpty() ? "gmt" : rest;
      }
      int offsetMinutes;
      if (!zone.isEmpty() && (zone.charAt(0) == '-' || zone.charAt(0) == '+')) {
        int hours = Integer.parseInt(zone.substring(1, Math.min(3, zone.length())));
        String minutesText = zone.contains(":") ? zone.substring(Math.min(4, zone.length())) : zone.substring(Math.min(3, zone.length()));
        int minutes = minutesText.isEmpty() ? 0 : Integer.parseInt(minutesText);
        offsetMinutes = (zone.charAt(0) == '-' ? -1 : 1) * (hours * 60 + minutes);
      } else {
        offsetMinutes = ZONES.getOrDefault(zone, 0) * 60;
      }
      return utc(year, month, day, hour, minute, second, offsetMinutes);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code Sun Jan  4 16:29:06 2004} (optionally with a zone before the year). */
  private static @Nullable TimeTuple asctime(String text) {
    String[] parts = text.strip().split("\\s+");
    if (parts.length == 5) {
      return rfc822(parts[2] + " " + parts[1] + " " + parts[4] + " " + parts[3] + " +0000");
    }
    if (parts.length == 6) {
      return rfc822(parts[2] + " " + parts[1] + " " + parts[5] + " " + parts[3] + " " + parts[4]);
    }
    return null;
  }

  private static String prefix(String text) {
    return text.length() > 3 ? text.substring(0, 3) : text;
  }

  private static @Nullable TimeTuple utc(int year, int month, int day, int hour, int minute, int second, int offsetMinutes) {
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
      return new TimeTuple(local.minusMinutes(offsetMinutes));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
