package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HttpFetcherConfigTest {

  private static final HttpFetcherConfig DEFAULTS = HttpFetcherConfig.defaults();

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(DEFAULTS.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(DEFAULTS.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DEFAULTS.deadline()).isEqualTo(Duration.ofMinutes(10));
    assertThat(DEFAULTS.maxConnectionsPerHost()).isEqualTo(256);
    assertThat(DEFAULTS.maxPendingAcquires()).isEqualTo(10_000);
    assertThat(DEFAULTS.pendingAcquireTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(DEFAULTS.maxIdleTime()).isEqualTo(Duration.ofSeconds(20));
    assertThat(DEFAULTS.maxLifeTime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(DEFAULTS.maxResponseBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
    assertThat(DEFAULTS.maxRedirects()).isEqualTo(10);
    assertThat(DEFAULTS.maxRetries()).isEqualTo(2);
    assertThat(DEFAULTS.retryBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(DEFAULTS.maxRetryBackoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(DEFAULTS.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DEFAULTS.userAgent()).isEqualTo(HttpFetcherConfig.DEFAULT_USER_AGENT).matches("riko-java/\\S+");
    assertThat(DEFAULTS.headers()).isEmpty();
  }

  @Test
  void eachWithChangesOneSettingAndLeavesTheOriginalAlone() {
    HttpFetcherConfig changed = DEFAULTS
        .withConnectTimeout(Duration.ofSeconds(1))
        .withResponseTimeout(Duration.ofSeconds(2))
        .withDeadline(Duration.ofSeconds(3))
        .withMaxConnectionsPerHost(4)
        .withMaxPendingAcquires(5)
        .withPendingAcquireTimeout(Duration.ofSeconds(6))
        .withMaxIdleTime(Duration.ofSeconds(7))
        .withMaxLifeTime(Duration.ofSeconds(8))
        .withMaxResponseBytes(9)
        .withMaxRedirects(0)
        .withMaxRetries(0)
        .withRetryBackoff(Duration.ofMillis(11), Duration.ofMillis(12))
        .withMaxRetryAfter(Duration.ZERO)
        .withUserAgent("me/1")
        .withHeaders(Map.of("Accept", "text/csv"));
    assertThat(changed).isEqualTo(new HttpFetcherConfig(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(3), 4, 5, Duration.ofSeconds(6), Duration.ofSeconds(7), Duration.ofSeconds(8), 9, 0, 0,
        Duration.ofMillis(11), Duration.ofMillis(12), Duration.ZERO, "me/1", Map.of("Accept", "text/csv")));
    assertThat(HttpFetcherConfig.defaults().maxConnectionsPerHost()).isEqualTo(256);
  }

  @Test
  void outOfRangeSettingsAreRejectedByName() {
    assertRejected(() -> DEFAULTS.withConnectTimeout(Duration.ZERO), "connectTimeout");
    assertRejected(() -> DEFAULTS.withConnectTimeout(Duration.ofDays(30)), "connectTimeout");
    assertRejected(() -> DEFAULTS.withResponseTimeout(Duration.ofSeconds(-1)), "responseTimeout");
    assertRejected(() -> DEFAULTS.withDeadline(Duration.ZERO), "deadline");
    assertRejected(() -> DEFAULTS.withMaxConnectionsPerHost(0), "maxConnectionsPerHost");
    assertRejected(() -> DEFAULTS.withMaxPendingAcquires(0), "maxPendingAcquires");
    assertRejected(() -> DEFAULTS.withPendingAcquireTimeout(Duration.ZERO), "pendingAcquireTimeout");
    assertRejected(() -> DEFAULTS.withMaxIdleTime(Duration.ZERO), "maxIdleTime");
    assertRejected(() -> DEFAULTS.withMaxLifeTime(Duration.ZERO), "maxLifeTime");
    assertRejected(() -> DEFAULTS.withMaxResponseBytes(0), "maxResponseBytes");
    assertRejected(() -> DEFAULTS.withMaxRedirects(-1), "maxRedirects");
    assertRejected(() -> DEFAULTS.withMaxRetries(-1), "maxRetries");
    assertRejected(() -> DEFAULTS.withRetryBackoff(Duration.ZERO, Duration.ofSeconds(1)), "retryBackoff");
    assertRejected(() -> DEFAULTS.withRetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)), "maxRetryBackoff");
    assertRejected(() -> DEFAULTS.withMaxRetryAfter(Duration.ofSeconds(-1)), "maxRetryAfter");
    assertRejected(() -> DEFAULTS.withUserAgent(" "), "userAgent");
    assertRejected(() -> DEFAULTS.withHeaders(Map.of(" ", "x")), "headers");
    assertThatThrownBy(() -> DEFAULTS.withDeadline(null)).isInstanceOf(NullPointerException.class).hasMessage("deadline");
  }

  @Test
  void headersAreCopiedInOrder() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("B", "2");
    headers.put("A", "1");
    HttpFetcherConfig config = DEFAULTS.withHeaders(headers);
    headers.put("C", "3");
    assertThat(config.headers()).containsExactly(Map.entry("B", "2"), Map.entry("A", "1"));
    assertThatThrownBy(() -> config.headers().put("D", "4")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void propertiesOverrideTheDefaults() {
    Properties properties = new Properties();
    properties.setProperty("riko.http.maxConnectionsPerHost", "64");
    properties.setProperty("riko.http.connectTimeout", "PT3S");
    properties.setProperty("riko.http.responseTimeout", "15s");
    properties.setProperty("riko.http.deadline", "2m");
    properties.setProperty("riko.http.pendingAcquireTimeout", "1500ms");
    properties.setProperty("riko.http.maxLifeTime", "1h");
    properties.setProperty("riko.http.maxResponseBytes", "512MiB");
    properties.setProperty("riko.http.maxRetries", "0");
    properties.setProperty("riko.http.userAgent", "bot/1 (+https://example.org)");
    properties.setProperty("riko.http.header.Accept-Language", "en-NZ");
    properties.setProperty("other.setting", "ignored");
    HttpFetcherConfig config = HttpFetcherConfig.fromProperties(properties);
    assertThat(config).isEqualTo(DEFAULTS.withMaxConnectionsPerHost(64)
        .withConnectTimeout(Duration.ofSeconds(3))
        .withResponseTimeout(Duration.ofSeconds(15))
        .withDeadline(Duration.ofMinutes(2))
        .withPendingAcquireTimeout(Duration.ofMillis(1500))
        .withMaxLifeTime(Duration.ofHours(1))
        .withMaxResponseBytes(512L * 1024 * 1024)
        .withMaxRetries(0)
        .withUserAgent("bot/1 (+https://example.org)")
        .withHeaders(Map.of("Accept-Language", "en-NZ")));
  }

  @Test
  void backoffPropertiesApplyTogetherInAnyCombination() {
    assertThat(HttpFetcherConfig.fromProperties(properties("riko.http.maxRetryBackoff", "100ms",
        "riko.http.retryBackoff", "50ms")))
        .isEqualTo(DEFAULTS.withRetryBackoff(Duration.ofMillis(50), Duration.ofMillis(100)));
    assertThat(HttpFetcherConfig.fromProperties(properties("riko.http.retryBackoff", "10s")))
        .isEqualTo(DEFAULTS.withRetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10)));
    assertThat(HttpFetcherConfig.fromProperties(properties("riko.http.maxRetryBackoff", "1s")))
        .isEqualTo(DEFAULTS.withRetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
    assertThatThrownBy(() -> HttpFetcherConfig.fromProperties(properties("riko.http.maxRetryBackoff", "100ms",
        "riko.http.retryBackoff", "1s")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riko.http.maxRetryBackoff");
  }

  @Test
  void badPropertiesAreRejectedNamingTheProperty() {
    assertThatThrownBy(() -> HttpFetcherConfig.fromProperties(properties("riko.http.maxConnectionsPerHost", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("property riko.http.maxConnectionsPerHost='many': not a whole number");
    assertThatThrownBy(() -> HttpFetcherConfig.fromProperties(properties("riko.http.maxConnectionsPerHost", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("riko.http.maxConnectionsPerHost").hasMessageContaining("at least 1");
    assertThatThrownBy(() -> HttpFetcherConfig.fromProperties(properties("riko.http.deadline", "10")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riko.http.deadline").hasMessageContaining("10s");
    assertThatThrownBy(() -> HttpFetcherConfig.fromProperties(properties("riko.http.deadline", "PTX")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riko.http.deadline");
    assertThatThrownBy(() -> HttpFetcherConfig.fromProperties(properties("riko.http.maxResponseBytes", "2TB")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("riko.http.maxResponseBytes");
    assertThatThrownBy(() -> HttpFetcherConfig.fromProperties(properties("riko.http.maxConnections", "8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("riko.http.maxConnections names no HTTP setting").hasMessageContaining("maxConnectionsPerHost");
  }

  @Test
  void systemPropertiesAreRead() {
    String name = "riko.http.maxRedirects";
    String before = System.getProperty(name);
    System.setProperty(name, "3");
    try {
      assertThat(HttpFetcherConfig.fromSystemProperties().maxRedirects()).isEqualTo(3);
    } finally {
      if (before == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, before);
      }
    }
  }

  @Test
  void durationsShowAsPeopleWriteThem() {
    assertThat(HttpFetcherConfig.show(Duration.ofMillis(200))).isEqualTo("200 ms");
    assertThat(HttpFetcherConfig.show(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(HttpFetcherConfig.show(Duration.ofSeconds(90))).isEqualTo("90 s");
    assertThat(HttpFetcherConfig.show(Duration.ofMinutes(10))).isEqualTo("10 min");
    assertThat(HttpFetcherConfig.show(Duration.ofHours(2))).isEqualTo("2 h");
  }

  private static Properties properties(String... namesAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
    }
    return properties;
  }

  private static void assertRejected(Runnable change, String setting) {
    assertThatThrownBy(change::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(setting);
  }
}
