package io.switchboard.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60));

  @RepeatedTest(20)
  @DisplayName("the delay doubles per attempt, with jitter between half and the full step")
  void exponentialWithJitter() {
    for (int attempt = 1; attempt <= 4; attempt++) {
      long step = 1000L << (attempt - 1);
      Duration delay =
          Duration.between(now, policy.nextAttempt(attempt, Optional.empty(), now).orElseThrow());
      assertThat(delay.toMillis()).isBetween(step / 2, step);
    }
  }

  @Test
  @DisplayName("the delay never exceeds the maximum")
  void capped() {
    RetryPolicy many = new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(60));
    Duration delay =
        Duration.between(now, many.nextAttempt(40, Optional.empty(), now).orElseThrow());
    assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("a Retry-After longer than the backoff is honoured")
  void honoursRetryAfter() {
    Instant at = policy.nextAttempt(1, Optional.of(Duration.ofSeconds(30)), now).orElseThrow();
    assertThat(at).isEqualTo(now.plusSeconds(30));
  }

  @Test
  @DisplayName("after the last attempt there is no next one: quarantine")
  void quarantineAfterMaxAttempts() {
    assertThat(policy.nextAttempt(5, Optional.empty(), now)).isEmpty();
    assertThat(policy.nextAttempt(4, Optional.empty(), now)).isPresent();
  }
}
