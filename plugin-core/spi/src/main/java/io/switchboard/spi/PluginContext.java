package io.switchboard.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * What the engine lends a plugin instance.
 *
 * @param connectionId the id of the configured connection (channel account or CRM connection) the
 *     instance serves, e.g. {@code "wa-support"}; useful in log lines and idempotency keys
 * @param clock the only source of time a plugin may use, so that tests can control it
 */
public record PluginContext(String connectionId, Clock clock) {
  public PluginContext {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(clock, "clock");
  }
}
