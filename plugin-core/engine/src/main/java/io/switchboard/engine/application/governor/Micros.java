package io.switchboard.engine.application.governor;

import java.time.Duration;
import java.time.Instant;

/**
 * The governor's tables keep times as epoch microseconds: exact and the same on H2 and PostgreSQL.
 */
final class Micros {
  private Micros() {}

  static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  static long of(Duration duration) {
    return duration.toNanos() / 1_000L;
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
