package riko.reactive.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1));

  @RepeatedTest(20)
  void theWaitDoublesWithJitterUpToTheMost() {
    assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(policy.backoff(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    assertThat(policy.backoff(4)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(policy.backoff(40)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void onlyTransientFailuresAreRetried() {
    assertThat(RetryPolicy.retriesStatus(503)).isTrue();
    assertThat(RetryPolicy.retriesStatus(429)).isTrue();
    assertThat(RetryPolicy.retriesStatus(500)).isFalse();
    assertThat(RetryPolicy.retriesStatus(404)).isFalse();
    assertThat(RetryPolicy.retries(new IOException("Connection reset by peer"))).isTrue();
    assertThat(RetryPolicy.retries(new UnknownHostException("nowhere.invalid"))).isFalse();
    assertThat(RetryPolicy.retries(new SSLException("handshake"))).isFalse();
    assertThat(RetryPolicy.retries(new IllegalStateException("bug"))).isFalse();
  }
}
