package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.ledger.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retry policies of the inbound ledger and the outbox, from configuration. A retryable failure
 * is retried for as long as the row is younger than its horizon; there is no attempt limit.
 */
@ApplicationScoped
public class RetrySettings {
  @Inject
  @ConfigProperty(name = "switchboard.inbound.retry-horizon", defaultValue = "P7D")
  String inboundHorizon;

  @Inject
  @ConfigProperty(name = "switchboard.outbox.retry-horizon", defaultValue = "P7D")
  String outboxHorizon;

  @Inject
  @ConfigProperty(name = "switchboard.retry.base-delay-ms", defaultValue = "1000")
  long baseDelayMs;

  @Inject
  @ConfigProperty(name = "switchboard.retry.max-delay-ms", defaultValue = "600000")
  long maxDelayMs;

  /** For inbound events that failed in a way worth retrying. */
  public RetryPolicy inbound() {
    return policy(inboundHorizon, "switchboard.inbound.retry-horizon");
  }

  /** For outbox effects that failed in a retryable way. */
  public RetryPolicy outbox() {
    return policy(outboxHorizon, "switchboard.outbox.retry-horizon");
  }

  private RetryPolicy policy(String horizon, String key) {
    return new RetryPolicy(
        Duration.ofMillis(baseDelayMs), Duration.ofMillis(maxDelayMs), parseHorizon(horizon, key));
  }

  /** An ISO-8601 duration ({@code PT24H}, {@code P7D}) or a whole number of hours ({@code 48}). */
  static Duration parseHorizon(String value, String key) {
    String v = value.trim();
    try {
      Duration d =
          v.chars().allMatch(Character::isDigit)
              ? Duration.ofHours(Long.parseLong(v))
              : Duration.parse(v.toUpperCase(Locale.ROOT));
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("must be positive");
      }
      return d;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          key + "=" + value + " is not a duration (e.g. PT24H, P7D, or hours: 48)", e);
    }
  }
}
