package riko.reactive.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

/**
 * How an {@link HttpFetcher} talks to servers. Immutable; each {@code with...} method returns a
 * changed copy:
 *
 * <pre>{@code
 * HttpFetcherConfig config = HttpFetcherConfig.defaults().withResponseTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Start from {@link #defaults()} and change what you need with the {@code with...} methods:
 * settings will be added as the fetcher grows (byte caps, retries, redirect limits), and code
 * written that way keeps compiling, where calls to the canonical constructor would not.
 *
 * @param connectTimeout how long establishing a connection may take (default 10 s)
 * @param responseTimeout how long the server may stay silent: before the response headers arrive
 *     and between two reads of the body (default 30 s)
 * @param maxConnectionsPerHost how many connections to one host (scheme, host and port) may be
 *     open at once; further requests wait for a free connection (default 8)
 * @param userAgent the {@code User-Agent} header sent with every request (default
 *     {@code riko-java/<version>}, see {@link #DEFAULT_USER_AGENT})
 */
public record HttpFetcherConfig(
    Duration connectTimeout, Duration responseTimeout, int maxConnectionsPerHost, String userAgent) {

  /** {@code riko-java/<version>}, the version being that of the riko-reactive jar. */
  public static final String DEFAULT_USER_AGENT = "riko-java/" + version();

  private static final HttpFetcherConfig DEFAULTS =
      new HttpFetcherConfig(Duration.ofSeconds(10), Duration.ofSeconds(30), 8, DEFAULT_USER_AGENT);

  /** Checks every setting is usable. */
  public HttpFetcherConfig {
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("responseTimeout", responseTimeout);
    if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("connectTimeout must be at most " + Integer.MAX_VALUE + " ms, was " + connectTimeout);
    }
    if (maxConnectionsPerHost < 1) {
      throw new IllegalArgumentException("maxConnectionsPerHost must be at least 1, was " + maxConnectionsPerHost);
    }
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent must not be blank");
    }
  }

  /** The safe defaults: 10 s to connect, 30 s of silence at most, 8 connections per host. */
  public static HttpFetcherConfig defaults() {
    return DEFAULTS;
  }

  /** A copy with another connect timeout. */
  public HttpFetcherConfig withConnectTimeout(Duration timeout) {
    return new HttpFetcherConfig(timeout, responseTimeout, maxConnectionsPerHost, userAgent);
  }

  /** A copy with another response timeout. */
  public HttpFetcherConfig withResponseTimeout(Duration timeout) {
    return new HttpFetcherConfig(connectTimeout, timeout, maxConnectionsPerHost, userAgent);
  }

  /** A copy with another per-host connection cap. */
  public HttpFetcherConfig withMaxConnectionsPerHost(int max) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, max, userAgent);
  }

  /** A copy with another {@code User-Agent}. */
  public HttpFetcherConfig withUserAgent(String agent) {
    return new HttpFetcherConfig(connectTimeout, responseTimeout, maxConnectionsPerHost, agent);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
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
