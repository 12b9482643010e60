package riko.reactive.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Every limit an {@link HttpFetcher} works within. Immutable; start from {@link #defaults()} and
 * change what you need with the {@code with...} methods, each of which returns a changed copy:
 *
 * <pre>{@code
 * HttpFetcherConfig config = HttpFetcherConfig.defaults()
 *     .withMaxConnectionsPerHost(8)
 *     .withResponseTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Code written that way keeps compiling when settings are added; calls to the canonical
 * constructor would not. The same settings can be read from properties named
 * {@code riko.http.<setting>} ({@link #fromProperties}, {@link #fromSystemProperties}).
 *
 * <p>The defaults suit pipelines that read many feeds from many hosts, and benchmarks that keep
 * hundreds of requests in flight to one host. When a pipeline hammers a third-party server, lower
 * {@code maxConnectionsPerHost}.
 *
 * @param connectTimeout how long establishing a TCP (and TLS) connection may take (default 10 s)
 * @param responseTimeout how long the server may stay silent: before the response headers arrive
 *     and between two reads of the body; while the consumer asks for nothing more (the body is
 *     held back, e.g. an ordered source waiting for its turn) the clock stops (default 30 s)
 * @param deadline how long one whole fetch may take, from the first request to the last body byte,
 *     including redirects, retries and the waits between them (default 10 min)
 * @param maxConnectionsPerHost how many connections to one host (scheme, host and port) may be
 *     open at once; further requests wait for a free one (default 256; lower it for third-party
 *     servers)
 * @param maxPendingAcquires how many requests may wait for a connection to one host; beyond that a
 *     fetch fails at once (default 10,000)
 * @param pendingAcquireTimeout how long a request may wait for a connection to its host
 *     (default 60 s)
 * @param maxIdleTime how long a pooled connection may stay unused before it is closed; idle
 *     connections are also evicted in the background (default 20 s)
 * @param maxLifeTime how long a pooled connection may be reused at all (default 5 min)
 * @param maxResponseBytes the most body bytes one response may deliver, counted after gzip or
 *     deflate decoding; the download stops there with an error (default 2 GiB)
 * @param maxRedirects how many redirects one fetch follows (default 10; 0 follows none)
 * @param maxRetries how many times a fetch is retried after a connection failure or a 429, 502,
 *     503 or 504 status, as long as no body byte has reached the reader (default 2; 0 never retries)
 * @param retryBackoff the wait before the first retry; it doubles for each further one, with
 *     random jitter (the wait is between half and all of it) (default 200 ms)
 * @param maxRetryBackoff the longest wait between two retries (default 5 s)
 * @param maxRetryAfter the longest {@code Retry-After} a server may ask for; a longer one fails the
 *     fetch at once (default 30 s)
 * @param userAgent the {@code User-Agent} header sent with every request (default
 *     {@code riko-java/<version>}, see {@link #DEFAULT_USER_AGENT})
 * @param headers headers sent with every request, after the {@code User-Agent}; a request's own
 *     headers replace those of the same name (default none)
 */
public record HttpFetcherConfig(
    Duration connectTimeout,
    Duration responseTimeout,
    Duration deadline,
    int maxConnectionsPerHost,
    int maxPendingAcquires,
    Duration pendingAcquireTimeout,
    Duration maxIdleTime,
    Duration maxLifeTime,
    long maxResponseBytes,
    int maxRedirects,
    int maxRetries,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration maxRetryAfter,
    String userAgent,
    Map<String, String> headers) {

  /** {@code riko-java/<version>}, the version being that of the riko-reactive jar. */
  public static final String DEFAULT_USER_AGENT = "riko-java/" + version();

  /** The prefix of the property names {@link #fromProperties} reads: {@value}. */
  public static final String PROPERTY_PREFIX = "riko.http.";

  /** The prefix of the properties that add a default header, e.g. {@code riko.http.header.Accept-Language}. */
  public static final String HEADER_PROPERTY_PREFIX = PROPERTY_PREFIX + "header.";

  private static final HttpFetcherConfig DEFAULTS = new HttpFetcherConfig(
      Duration.ofSeconds(10),
      Duration.ofSeconds(30),
      Duration.ofMinutes(10),
      256,
      10_000,
      Duration.ofSeconds(60),
      Duration.ofSeconds(20),
      Duration.ofMinutes(5),
      2L * 1024 * 1024 * 1024,
      10,
      2,
      Duration.ofMillis(200),
      Duration.ofSeconds(5),
      Duration.ofSeconds(30),
      DEFAULT_USER_AGENT,
      Map.of());

  /**
   * Checks every setting is usable and copies the headers.
   *
   * @throws IllegalArgumentException naming the setting that is out of range
   * @throws NullPointerException naming the setting that is null
   */
  public HttpFetcherConfig {
    requirePositive("connectTimeout", connectTimeout);
    if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("connectTimeout must be at most " + Integer.MAX_VALUE + " ms, was " + connectTimeout);
    }
    requirePositive("responseTimeout", responseTimeout);
    requirePositive("deadline", deadline);
    requireAtLeast("maxConnectionsPerHost", maxConnectionsPerHost, 1);
    requireAtLeast("maxPendingAcquires", maxPendingAcquires, 1);
    requirePositive("pendingAcquireTimeout", pendingAcquireTimeout);
    requirePositive("maxIdleTime", maxIdleTime);
    requirePositive("maxLifeTime", maxLifeTime);
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + maxResponseBytes);
    }
    requireAtLeast("maxRedirects", maxRedirects, 0);
    requireAtLeast("maxRetries", maxRetries, 0);
    requirePositive("retryBackoff", retryBackoff);
    requirePositive("maxRetryBackoff", maxRetryBackoff);
    if (maxRetryBackoff.compareTo(retryBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxRetryBackoff (" + maxRetryBackoff + ") must not be shorter than retryBackoff (" + retryBackoff + ")");
    }
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter);
    }
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
    Objects.requireNonNull(headers, "headers");
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      if (Objects.requireNonNull(name, "header name").isBlank()) {
        throw new IllegalArgumentException("headers: a header name must not be blank");
      }
      copy.put(name, Objects.requireNonNull(value, () -> "headers: value of header " + name));
    });
    headers = Collections.unmodifiableMap(copy);
  }

  /**
   * The defaults: 10 s to connect, 30 s of silence, 10 min per fetch, 256 connections per host,
   * 10,000 waiting requests per host, 60 s to get a connection, connections idle 20 s and living
   * 5 min at most, 2 GiB per response, 10 redirects, 2 retries backing off from 200 ms up to 5 s,
   * {@code Retry-After} up to 30 s, {@link #DEFAULT_USER_AGENT}, no extra headers.
   */
  public static HttpFetcherConfig defaults() {
    return DEFAULTS;
  }

  /**
   * The defaults overlaid with the {@code riko.http.<setting>} properties found in
   * {@code properties}; others are ignored. Setting names are those of this record's components
   * ({@code riko.http.maxConnectionsPerHost=64}); durations are ISO-8601 ({@code PT10S}) or a
   * number with a unit {@code ms}, {@code s}, {@code m}/{@code min}, {@code h} or {@code d}
   * ({@code 10s}); byte counts a number, optionally with {@code KiB}, {@code MiB} or {@code GiB}
   * ({@code 512MiB}). {@code riko.http.header.<Name>=<value>} adds a default header.
   *
   * @throws IllegalArgumentException naming the property, when its value is not usable or its
   *     name is no setting
   */
  public static HttpFetcherConfig fromProperties(Properties properties) {
    return HttpConfigProperties.overlay(DEFAULTS, properties);
  }

  /** {@link #fromProperties} of the JVM's system properties ({@code -Driko.http.deadline=2m}). */
  public static HttpFetcherConfig fromSystemProperties() {
    return fromProperties(System.getProperties());
  }

  /** A copy with another connect timeout. */
  public HttpFetcherConfig withConnectTimeout(Duration timeout) {
    return new HttpFetcherConfig(timeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy with another response (silence) timeout. */
  public HttpFetcherConfig withResponseTimeout(Duration timeout) {
    return new HttpFetcherConfig(connectTimeout, timeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy with another overall deadline per fetch. */
  public HttpFetcherConfig withDeadline(Duration deadline) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy with another per-host connection cap. */
  public HttpFetcherConfig withMaxConnectionsPerHost(int max) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, max, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy with another cap on requests waiting for a connection to one host. */
  public HttpFetcherConfig withMaxPendingAcquires(int max) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, max,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy with another limit on waiting for a connection. */
  public HttpFetcherConfig withPendingAcquireTimeout(Duration timeout) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        timeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy with another idle time after which pooled connections are closed. */
  public HttpFetcherConfig withMaxIdleTime(Duration idle) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, idle, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy with another life time for pooled connections. */
  public HttpFetcherConfig withMaxLifeTime(Duration life) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, life, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy with another cap on (decoded) body bytes per response. */
  public HttpFetcherConfig withMaxResponseBytes(long max) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, max, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy following at most {@code max} redirects per fetch. */
  public HttpFetcherConfig withMaxRedirects(int max) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, max, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A copy retrying at most {@code max} times. */
  public HttpFetcherConfig withMaxRetries(int max) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, max, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /**
   * A copy with another backoff between retries: {@code first} before the first retry, doubling up
   * to {@code max}.
   */
  public HttpFetcherConfig withRetryBackoff(Duration first, Duration max) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, first,
        max, maxRetryAfter, userAgent, headers);
  }

  /** A copy accepting {@code Retry-After} waits up to {@code max}. */
  public HttpFetcherConfig withMaxRetryAfter(Duration max) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, max, userAgent, headers);
  }

  /** A copy with another {@code User-Agent}. */
  public HttpFetcherConfig withUserAgent(String agent) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, agent, headers);
  }

  /** A copy sending these headers (in this order) with every request, instead of the current ones. */
  public HttpFetcherConfig withHeaders(Map<String, String> headers) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, deadline, maxConnectionsPerHost, maxPendingAcquires,
        pendingAcquireTimeout, maxIdleTime, maxLifeTime, maxResponseBytes, maxRedirects, maxRetries, retryBackoff,
        maxRetryBackoff, maxRetryAfter, userAgent, headers);
  }

  /** A duration as people write it: {@code 200 ms}, {@code 30 s}, {@code 10 min}, {@code 2 h}. */
  static String show(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + " ms";
    }
    long seconds = millis / 1000;
    if (seconds < 60 || seconds % 60 != 0) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    return minutes < 60 || minutes % 60 != 0 ? minutes + " min" : minutes / 60 + " h";
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requireAtLeast(String name, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(name + " must be at least " + least + ", was " + value);
    }
  }




  private static String version() {
    try (InputStream in = HttpFetcherConfig.class.getResourceAsStream("riko-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      return version.isBlank() || version.startsWith("${") ? "dev" : version.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read riko-reactive's version", e);
    }
  }

}
