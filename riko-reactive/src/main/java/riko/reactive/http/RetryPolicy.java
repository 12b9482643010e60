package riko.reactive.http;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * When {@link HttpFetcher} tries a request again and how long it waits first: connection
 * failures before any response and the statuses 429, 502, 503 and 504 are retried, after a
 * jittered exponential backoff or the server's {@code Retry-After}.
 */
final class RetryPolicy {

  private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);

  private final Duration first;
  private final Duration most;

  /**
   * @param first the full wait before the first retry
   * @param most the longest wait between two retries
   */
  RetryPolicy(Duration first, Duration most) {
    this.first = first;
    this.most = most;
  }

  /** Whether a response with this status is tried again. */
  static boolean retriesStatus(int code) {
    return RETRIED_STATUSES.contains(code);
  }

  /** Whether a failure before any response is tried again: a connection failure a new connection may not meet. */
  static boolean retries(Throwable error) {
    if (error instanceof ReadTimeoutException) {
      return true;
    }
    return error instanceof IOException && !(error instanceof SSLException) && !(error instanceof UnknownHostException);
  }

  /** The jittered exponential wait before retry number {@code retry}: between half and all of the full wait. */
  Duration backoff(int retry) {
    long first = this.first.toMillis();
    long most = this.most.toMillis();
    long full = retry >= 31 ? most : Math.min(most, first << Math.min(retry - 1, 30));
    return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full - full / 2 + 1));
  }

  /** A {@code Retry-After} value (delay-seconds or an HTTP date) as a wait; {@code null} when unreadable. */
  static @Nullable Duration retryAfter(String value) {
    String text = value.strip();
    if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
      try {
        return Duration.ofSeconds(Long.parseLong(text));
      } catch (NumberFormatException e) {
        return Duration.ofSeconds(Long.MAX_VALUE / 1000);
      }
    }
    try {
      Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(Instant.now(), when);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
