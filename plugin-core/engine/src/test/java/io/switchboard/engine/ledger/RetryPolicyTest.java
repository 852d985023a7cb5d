package io.switchboard.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final Instant created = Instant.parse("2026-11-23T10:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofHours(24));

  @RepeatedTest(20)
  @DisplayName("the delay doubles per attempt, with jitter between half and the full step")
  void exponentialWithJitter() {
    for (int attempt = 1; attempt <= 4; attempt++) {
      long step = 1000L << (attempt - 1);
      Duration delay =
          Duration.between(
              created,
              policy.nextAttempt(attempt, Optional.empty(), created, created).orElseThrow());
      assertThat(delay.toMillis()).isBetween(step / 2, step);
    }
  }

  @Test
  @DisplayName("the delay never exceeds the ceiling, however many attempts were made")
  void capped() {
    Instant now = created.plus(Duration.ofHours(3));
    Duration delay =
        Duration.between(
            now, policy.nextAttempt(400, Optional.empty(), created, now).orElseThrow());
    assertThat(delay).isLessThanOrEqualTo(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("a Retry-After longer than the backoff is honoured")
  void honoursRetryAfter() {
    Instant at =
        policy.nextAttempt(1, Optional.of(Duration.ofSeconds(30)), created, created).orElseThrow();
    assertThat(at).isEqualTo(created.plusSeconds(30));
  }

  @Test
  @DisplayName("an outage of hours is retried: the attempt count does not matter, the age does")
  void retriesWithinHorizon() {
    Instant now = created.plus(Duration.ofHours(23).plusMinutes(59));
    assertThat(policy.nextAttempt(200, Optional.empty(), created, now)).isPresent();
  }

  @Test
  @DisplayName("once the row is as old as the horizon there is no next attempt: quarantine")
  void quarantineAtHorizon() {
    assertThat(policy.nextAttempt(1, Optional.empty(), created, created.plus(Duration.ofHours(24))))
        .isEmpty();
  }
}
