package io.switchboard.engine.application.health;

import io.switchboard.engine.application.health.ConnectionHealth.Kind;
import io.switchboard.engine.application.health.ConnectionHealth.Status;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.time.Instant;

/** One cheap check of one connection, and what its outcome means. */
@FunctionalInterface
public interface ConnectionCheck {
  /** Returns normally when the connection works; throws the plugin's classified failure if not. */
  void run() throws RetryableException, PermanentException;

  /** Runs the check and turns its outcome into a health record; never throws. */
  static ConnectionHealth probe(Kind kind, String id, ConnectionCheck check, Instant now) {
    try {
      check.run();
      return new ConnectionHealth(kind, id, Status.UP, now, null);
    } catch (RetryableException e) {
      return new ConnectionHealth(kind, id, Status.DOWN, now, "unreachable: " + e.getMessage());
    } catch (PermanentException e) {
      return new ConnectionHealth(kind, id, Status.DOWN, now, "refused: " + e.getMessage());
    } catch (RuntimeException e) {
      return new ConnectionHealth(kind, id, Status.DOWN, now, "misconfigured: " + e.getMessage());
    }
  }
}
