package io.switchboard.engine.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed ledger row again: exponential backoff with jitter, capped at {@code
 * maxDelay}, never earlier than the remote system asked (Retry-After), for as long as the row is
 * younger than the {@code horizon}.
 *
 * <p>The horizon, not a count of attempts, decides when to give up: an outage of the CRM or the
 * channel of any length up to the horizon costs latency, never order or data. Retries are persisted
 * (next_attempt_at) rather than done in memory (as MicroProfile Fault Tolerance's {@code @Retry}
 * would), so they survive restarts and are shared by all instances.
 */
public record RetryPolicy(Duration baseDelay, Duration maxDelay, Duration horizon) {

  /**
   * @param attemptsSoFar attempts made, including the one that just failed
   * @param retryAfter the remote system's wait hint, if any
   * @param since when the row's retry window opened (created, or replayed by an admin)
   * @return when to try again, or empty when the horizon has passed and the row goes to quarantine
   */
  public Optional<Instant> nextAttempt(
      int attemptsSoFar, Optional<Duration> retryAfter, Instant since, Instant now) {
    if (!now.isBefore(since.plus(horizon))) {
      return Optional.empty();
    }
    return Optional.of(now.plus(delay(attemptsSoFar, retryAfter)));
  }

  /** The wait after attempt {@code attemptsSoFar}: base x 2^(n-1), capped, jittered. */
  Duration delay(int attemptsSoFar, Optional<Duration> retryAfter) {
    long base = baseDelay.toMillis() << Math.min(Math.max(attemptsSoFar - 1, 0), 30);
    long capped = Math.min(base, maxDelay.toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    Duration delay = Duration.ofMillis(jittered);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
      delay = retryAfter.get();
    }
    return delay;
  }

  /** Why a row that reached its horizon was quarantined. */
  public String gaveUp(int attempts, String lastReason) {
    return "retry horizon " + horizon + " reached after " + attempts + " attempts: " + lastReason;
  }
}
