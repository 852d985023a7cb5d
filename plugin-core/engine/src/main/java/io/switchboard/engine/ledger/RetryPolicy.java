package io.switchboard.engine.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed ledger row again: exponential backoff with jitter, never earlier than the
 * remote system asked (Retry-After), and no more after {@code maxAttempts}.
 *
 * <p>Retries are persisted (next_attempt_at) rather than done in memory (as MicroProfile Fault
 * Tolerance's {@code @Retry} would), so they survive restarts and are shared by all instances.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  /**
   * @param attemptsSoFar attempts made, including the one that just failed
   * @param retryAfter the remote system's wait hint, if any
   * @return when to try again, or empty when the row goes to quarantine
   */
  public Optional<Instant> nextAttempt(
      int attemptsSoFar, Optional<Duration> retryAfter, Instant now) {
    if (attemptsSoFar >= maxAttempts) {
      return Optional.empty();
    }
    long base = baseDelay.toMillis() << Math.min(attemptsSoFar - 1, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    Duration delay = Duration.ofMillis(jittered);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
      delay = retryAfter.get();
    }
    return Optional.of(now.plus(delay));
  }
}
