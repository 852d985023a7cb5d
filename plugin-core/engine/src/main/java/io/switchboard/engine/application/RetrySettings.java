package io.switchboard.engine.application;

import io.switchboard.engine.ledger.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The retry policies of the inbound ledger and the outbox, from configuration. */
@ApplicationScoped
public class RetrySettings {
  @Inject
  @ConfigProperty(name = "switchboard.inbound.max-attempts", defaultValue = "10")
  int inboundMaxAttempts;

  @Inject
  @ConfigProperty(name = "switchboard.outbox.max-attempts", defaultValue = "8")
  int outboxMaxAttempts;

  @Inject
  @ConfigProperty(name = "switchboard.retry.base-delay-ms", defaultValue = "1000")
  long baseDelayMs;

  @Inject
  @ConfigProperty(name = "switchboard.retry.max-delay-ms", defaultValue = "600000")
  long maxDelayMs;

  /** For inbound events; a permanent failure gets no retry at all. */
  public RetryPolicy inbound(boolean permanent) {
    return policy(permanent ? 0 : inboundMaxAttempts);
  }

  /** For outbox effects that failed in a retryable way. */
  public RetryPolicy outbox() {
    return policy(outboxMaxAttempts);
  }

  private RetryPolicy policy(int maxAttempts) {
    return new RetryPolicy(
        maxAttempts, Duration.ofMillis(baseDelayMs), Duration.ofMillis(maxDelayMs));
  }
}
