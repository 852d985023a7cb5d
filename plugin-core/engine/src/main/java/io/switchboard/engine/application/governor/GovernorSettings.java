package io.switchboard.engine.application.governor;

import io.switchboard.spi.channel.SendPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The governor's configuration ({@code switchboard.governor.*}, see docs/configuration.md). */
@ApplicationScoped
public class GovernorSettings {
  /** Off: sends are not paced at all (the channel's own limits answer). For diagnosis only. */
  @Inject
  @ConfigProperty(name = "switchboard.governor.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "switchboard.governor.lease-window-ms", defaultValue = "100")
  long leaseWindowMs;

  @Inject
  @ConfigProperty(name = "switchboard.governor.max-inline-wait-ms", defaultValue = "1000")
  long maxInlineWaitMs;

  @Inject
  @ConfigProperty(name = "switchboard.governor.pair-burst", defaultValue = "2")
  int pairBurst;

  @Inject
  @ConfigProperty(name = "switchboard.governor.throughput-pause-ms", defaultValue = "1000")
  long throughputPauseMs;

  @Inject
  @ConfigProperty(name = "switchboard.governor.token-recheck-ms", defaultValue = "60000")
  long tokenRecheckMs;

  /** For the per-account override {@code switchboard.governor.messages-per-second.<id>}. */
  @Inject Config config;

  public boolean enabled() {
    return enabled;
  }

  /**
   * The account's send rate: {@code switchboard.governor.messages-per-second.<channel id>} when
   * set, else what its connector's send policy says; zero or less means unlimited.
   */
  public int messagesPerSecond(String channelId, SendPolicy policy) {
    Optional<Integer> override =
        config == null
            ? Optional.empty()
            : config.getOptionalValue(
                "switchboard.governor.messages-per-second." + channelId, Integer.class);
    return override.orElse(policy.messagesPerSecond());
  }

  /** How much of an account's rate one lease takes (e.g. 100 ms: 8 slots at 80/s). */
  public Duration leaseWindow() {
    return Duration.ofMillis(Math.max(1, leaseWindowMs));
  }

  /** A send waits this long at most on its thread for its slot; a longer wait is a deferral. */
  public Duration maxInlineWait() {
    return Duration.ofMillis(Math.max(0, maxInlineWaitMs));
  }

  /** How many messages to one customer may go at once before the pair interval applies. */
  public int pairBurst() {
    return Math.max(1, pairBurst);
  }

  /** How long Meta's 130429 (throughput) pauses the whole number, unless Retry-After says more. */
  public Duration throughputPause() {
    return Duration.ofMillis(throughputPauseMs);
  }

  /** How often the sends of an account paused for its token look whether it was replaced. */
  public Duration tokenRecheck() {
    return Duration.ofMillis(Math.max(1000, tokenRecheckMs));
  }
}
