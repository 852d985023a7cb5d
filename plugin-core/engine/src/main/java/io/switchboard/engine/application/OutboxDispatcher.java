package io.switchboard.engine.application;

import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.engine.ledger.RetryPolicy;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Step 3 of the pipeline: claims due outbox entries with a lease and performs them through the
 * plugins, outside any transaction. Retryable failures come back with exponential backoff honouring
 * the remote system's Retry-After for as long as the entry is younger than {@code
 * switchboard.outbox.retry-horizon}; permanent ones and those past the horizon go to quarantine
 * with the reason, where they hold back the later entries of their ordering key.
 */
@ApplicationScoped
public class OutboxDispatcher {
  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
  private static final int BATCH = 20;

  @Inject Outbox outbox;
  @Inject OutboxEffects effects;
  @Inject PipelineMetrics metrics;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "switchboard.outbox.lease-seconds", defaultValue = "120")
  long leaseSeconds;

  @Inject RetrySettings retries;

  /**
   * Performs what is due now.
   *
   * @return how many entries were attempted
   */
  public int drain() {
    List<OutboxEntry> claimed = outbox.claim(BATCH, Duration.ofSeconds(leaseSeconds));
    for (OutboxEntry entry : claimed) {
      perform(entry);
    }
    return claimed.size();
  }

  private void perform(OutboxEntry entry) {
    try {
      String outcome = effects.perform(entry);
      outbox.complete(entry.id(), outcome);
      metrics.outbox(entry.action(), "done");
    } catch (RetryableException e) {
      retry(entry, e.getMessage(), e.retryAfter());
    } catch (PermanentException e) {
      String reason =
          "permanent" + e.code().map(c -> " (" + c + ")").orElse("") + ": " + e.getMessage();
      effects.gaveUp(entry, e.code().orElse(null), e.getMessage());
      outbox.fail(entry.id(), reason, null);
      quarantined(entry, reason);
    } catch (RuntimeException e) {
      retry(entry, e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty());
      LOG.log(Level.WARNING, "outbox " + entry.id() + " failed unexpectedly", e);
    }
  }

  private void retry(OutboxEntry entry, String reason, Optional<Duration> retryAfter) {
    int attempts = entry.attempts() + 1;
    RetryPolicy policy = retries.outbox();
    Instant retryAt =
        policy
            .nextAttempt(attempts, retryAfter, entry.retryWindowStart(), clock.instant())
            .orElse(null);
    if (retryAt == null) {
      // past the horizon: as visible as a permanent refusal
      String gaveUp = policy.gaveUp(attempts, reason);
      effects.gaveUp(entry, null, gaveUp);
      outbox.fail(entry.id(), gaveUp, null);
      quarantined(entry, gaveUp);
      return;
    }
    outbox.fail(entry.id(), reason, retryAt);
    metrics.outbox(entry.action(), "retry");
    LOG.info(
        "outbox " + entry.id() + " " + entry.action() + " retry at " + retryAt + ": " + reason);
  }

  private void quarantined(OutboxEntry entry, String reason) {
    metrics.outbox(entry.action(), "quarantined");
    LOG.warning(
        "outbox "
            + entry.id()
            + " "
            + entry.action()
            + " quarantined; later entries of "
            + entry.orderingKey()
            + " wait behind it until it is replayed or skipped: "
            + reason);
  }
}
