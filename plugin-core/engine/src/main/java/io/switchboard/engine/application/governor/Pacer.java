package io.switchboard.engine.application.governor;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits on the sending thread until a send slot a moment ahead (at most {@code
 * switchboard.governor.max-inline-wait-ms}); its lease is renewed meanwhile. Tests replace it with
 * one that moves their clock.
 */
@ApplicationScoped
public class Pacer {
  /** Returns at {@code slot} or later; at once if it has passed. */
  public void waitUntil(Instant slot, Clock clock) {
    Duration wait = Duration.between(clock.instant(), slot);
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
