package io.switchboard.spi;

import java.time.Clock;
import java.util.Objects;

/**
 * What the engine lends a plugin instance.
 *
 * <pre>{@code
 * ChannelConnector c = factory.create(config, new PluginContext("wa-support", Clock.systemUTC()));
 * }</pre>
 *
 * @param connectionId the id of the configured connection (channel account, channel app or CRM
 *     connection) the instance serves, e.g. {@code "wa-support"}; useful in log lines and
 *     idempotency keys
 * @param clock the only source of time a plugin may use, so that tests can control it
 * @param state the connection's small persistent state, encrypted at rest by the engine
 */
public record PluginContext(String connectionId, Clock clock, PluginState state) {
  public PluginContext {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(state, "state");
  }

  /** A context with in-memory state (tests, tools). */
  public PluginContext(String connectionId, Clock clock) {
    this(connectionId, clock, PluginState.inMemory());
  }
}
