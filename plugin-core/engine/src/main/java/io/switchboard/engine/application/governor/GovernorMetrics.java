package io.switchboard.engine.application.governor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The governor's counters on {@code /metrics}: sends deferred by cause ({@code pair}, {@code rate},
 * {@code THROUGHPUT}, {@code SPAM}, {@code TOKEN}) and throttling answers of the channel by code.
 */
@ApplicationScoped
public class GovernorMetrics {
  @Inject MetricRegistry registry;

  /** A send of this account was deferred for {@code cause}. */
  public void deferred(String channelId, String cause) {
    registry
        .counter(
            "switchboard_send_deferrals", new Tag("channel", channelId), new Tag("cause", cause))
        .inc();
  }

  /** The channel answered a send of this account with a throttling or token code. */
  public void throttled(String channelId, String code) {
    registry
        .counter(
            "switchboard_send_throttled",
            new Tag("channel", channelId),
            new Tag("code", code == null ? "none" : code))
        .inc();
  }
}
