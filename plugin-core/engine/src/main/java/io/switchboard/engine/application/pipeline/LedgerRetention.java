package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.engine.ledger.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes finished inbound events and outbox entries older than {@code
 * switchboard.retention.ledger}. Pending, in-flight and quarantined rows stay, and so does the
 * conversation history (conversations and messages are never touched).
 */
@ApplicationScoped
public class LedgerRetention {
  private static final Logger LOG = Logger.getLogger(LedgerRetention.class.getName());
  static final int BATCH = 1000;

  // Meta redelivers an unacknowledged webhook for up to 7 days; a ledger row kept at least that
  // long still dedupes every redelivery.
  private static final Duration REDELIVERY_WINDOW = Duration.ofDays(7);

  @Inject InboundEventLedger ledger;
  @Inject Outbox outbox;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "switchboard.retention.ledger", defaultValue = "P30D")
  String retention;

  /**
   * Deletes one batch of each table (the scheduler's retention lane repeats it while there is
   * more).
   *
   * @return how many rows were deleted
   */
  public int prune() {
    Duration keep = RetrySettings.parseHorizon(retention, "switchboard.retention.ledger");
    if (keep.compareTo(REDELIVERY_WINDOW) < 0) {
      LOG.warning(
          "switchboard.retention.ledger="
              + retention
              + " is shorter than the 7 days Meta may redeliver a webhook: a late redelivery of a"
              + " pruned event would be processed again");
    }
    Instant before = clock.instant().minus(keep);
    int deleted = ledger.prune(before, BATCH) + outbox.prune(before, BATCH);
    if (deleted > 0) {
      LOG.fine(() -> "retention: deleted " + deleted + " finished ledger rows before " + before);
    }
    return deleted;
  }
}
