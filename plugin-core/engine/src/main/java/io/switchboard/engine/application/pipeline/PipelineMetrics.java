package io.switchboard.engine.application.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counters of the pipeline, exposed on {@code /metrics} (application scope). */
@ApplicationScoped
public class PipelineMetrics {
  @Inject MetricRegistry registry;

  /**
   * Counts a webhook delivery of a known source ({@code channel:}, {@code app:}, {@code crm:} or
   * {@code shop:<id>}) by outcome.
   */
  public void webhook(String source, String outcome) {
    registry
        .counter("switchboard_webhooks", new Tag("source", source), new Tag("outcome", outcome))
        .inc();
  }

  void inbound(String outcome) {
    registry.counter("switchboard_inbound_events", new Tag("outcome", outcome)).inc();
  }

  void outbox(String action, String outcome) {
    registry
        .counter(
            "switchboard_outbox_effects", new Tag("action", action), new Tag("outcome", outcome))
        .inc();
  }
}
