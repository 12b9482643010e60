package riko.reactive.http;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code riko.http.<setting>} properties onto an {@link HttpFetcherConfig}, for
 * {@link HttpFetcherConfig#fromProperties}: durations, counts and byte counts as people write
 * them, and every bad value or unknown name reported with the property's name.
 */
final class HttpConfigProperties {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)");
  private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(|b|k|kib|m|mib|g|gib)");

  private HttpConfigProperties() {}

  /**
   * {@code defaults} overlaid with the {@code riko.http.*} properties of {@code properties}.
   *
   * @throws IllegalArgumentException naming the property, when its value is not usable or its
   *     name is no setting
   */
  static HttpFetcherConfig overlay(HttpFetcherConfig defaults, Properties properties) {
    HttpFetcherConfig config = defaults;
    Map<String, String> headers = new LinkedHashMap<>();
    @Nullable Duration backoff = null;
    @Nullable Duration maxBackoff = null;
    for (String name : properties.stringPropertyNames().stream().sorted().toList()) {
      if (!name.startsWith(HttpFetcherConfig.PROPERTY_PREFIX)) {
        continue;
      }
      String value = properties.getProperty(name).strip();
      if (name.startsWith(HttpFetcherConfig.HEADER_PROPERTY_PREFIX)) {
        headers.put(name.substring(HttpFetcherConfig.HEADER_PROPERTY_PREFIX.length()), value);
        continue;
      }
      String setting = name.substring(HttpFetcherConfig.PROPERTY_PREFIX.length());
      BiFunction<HttpFetcherConfig, String, HttpFetcherConfig> change = Settings.BY_NAME.get(setting);
      if (change == null) {
        throw new IllegalArgumentException("property " + name + " names no HTTP setting; known: "
            + String.join(", ", Settings.BY_NAME.keySet()) + " and " + HttpFetcherConfig.HEADER_PROPERTY_PREFIX + "<Name>");
      }
      try {
        config = change.apply(config, value);
        if (setting.equals("retryBackoff")) {
          backoff = duration(value);
        } else if (setting.equals("maxRetryBackoff")) {
          maxBackoff = duration(value);
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException("property " + name + "='" + value + "': " + e.getMessage(), e);
      }
    }
    if (backoff != null || maxBackoff != null) {
      Duration first = backoff != null ? backoff : config.retryBackoff();
      Duration most = maxBackoff != null ? maxBackoff : first.compareTo(config.maxRetryBackoff()) > 0 ? first : config.maxRetryBackoff();
      try {
        config = config.withRetryBackoff(first, most);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("properties " + HttpFetcherConfig.PROPERTY_PREFIX + "retryBackoff and " + HttpFetcherConfig.PROPERTY_PREFIX
            + "maxRetryBackoff: " + e.getMessage(), e);
      }
    }
    if (!headers.isEmpty()) {
      try {
        config = config.withHeaders(headers);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("properties " + HttpFetcherConfig.HEADER_PROPERTY_PREFIX + "*: " + e.getMessage(), e);
      }
    }
    return config;
  }

  private static Duration duration(String text) {
    if (text.regionMatches(true, 0, "P", 0, 1)) {
      return Duration.parse(text);
    }
    Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: use ISO-8601 (PT10S) or a number with ms, s, m, h or d (10s)");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m", "min" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  private static int count(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number", e);
    }
  }

  private static long bytes(String text) {
    Matcher m = BYTES.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a byte count: use a number, optionally with KiB, MiB or GiB (512MiB)");
    }
    long unit = switch (m.group(2)) {
      case "k", "kib" -> 1024L;
      case "m", "mib" -> 1024L * 1024;
      case "g", "gib" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("byte count too large", e);
    }
  }

  /** The settings {@link #overlay} knows, by name, with how each reads its value. */
  private static final class Settings {
    static final Map<String, BiFunction<HttpFetcherConfig, String, HttpFetcherConfig>> BY_NAME = Collections.unmodifiableMap(new TreeMap<>(Map.ofEntries(
        Map.entry("connectTimeout", (c, v) -> c.withConnectTimeout(duration(v))),
        Map.entry("responseTimeout", (c, v) -> c.withResponseTimeout(duration(v))),
        Map.entry("deadline", (c, v) -> c.withDeadline(duration(v))),
        Map.entry("maxConnectionsPerHost", (c, v) -> c.withMaxConnectionsPerHost(count(v))),
        Map.entry("maxPendingAcquires", (c, v) -> c.withMaxPendingAcquires(count(v))),
        Map.entry("pendingAcquireTimeout", (c, v) -> c.withPendingAcquireTimeout(duration(v))),
        Map.entry("maxIdleTime", (c, v) -> c.withMaxIdleTime(duration(v))),
        Map.entry("maxLifeTime", (c, v) -> c.withMaxLifeTime(duration(v))),
        Map.entry("maxResponseBytes", (c, v) -> c.withMaxResponseBytes(bytes(v))),
        Map.entry("maxRedirects", (c, v) -> c.withMaxRedirects(count(v))),
        Map.entry("maxRetries", (c, v) -> c.withMaxRetries(count(v))),
        // The two backoff settings are applied together, after the others: see fromProperties.
        Map.entry("retryBackoff", (c, v) -> c),
        Map.entry("maxRetryBackoff", (c, v) -> c),
        Map.entry("maxRetryAfter", (c, v) -> c.withMaxRetryAfter(duration(v))),
        Map.entry("userAgent", (c, v) -> c.withUserAgent(v)))));
  }
}
