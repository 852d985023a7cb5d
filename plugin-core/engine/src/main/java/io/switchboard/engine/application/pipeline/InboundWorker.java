package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.engine.ledger.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the inbound ledger: processes due events oldest first, each in its own transaction, and
 * records failures: an unprocessable (poison) event is quarantined at once, any other failure is
 * retried with backoff until the event is older than {@code switchboard.inbound.retry-horizon}.
 */
@ApplicationScoped
public class InboundWorker {
  private static final Logger LOG = Logger.getLogger(InboundWorker.class.getName());
  private static final int BATCH = 100;

  @Inject InboundEventLedger ledger;
  @Inject InboundProcessor processor;
  @Inject PipelineMetrics metrics;
  @Inject Clock clock;

  @Inject RetrySettings retries;

  /**
   * Processes what is due now.
   *
   * @return how many events were processed
   */
  public int drain() {
    int processed = 0;
    List<Long> due = ledger.due(BATCH);
    for (long id : due) {
      if (processOne(id)) {
        processed++;
      }
    }
    return processed;
  }

  private boolean processOne(long id) {
    try {
      boolean done = processor.process(id);
      if (done) {
        metrics.inbound("processed");
      }
      return done;
    } catch (RuntimeException e) {
      recordFailure(id, e);
      return false;
    }
  }

  private void recordFailure(long id, RuntimeException e) {
    Throwable cause = rootCause(e);
    String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    Optional<InboundEvent> event = ledger.find(id);
    if (event.isEmpty()) {
      return;
    }
    int attempts = event.get().attempts() + 1;
    Instant retryAt = null;
    if (!(cause instanceof UnprocessableEventException)) {
      RetryPolicy policy = retries.inbound();
      retryAt =
          policy
              .nextAttempt(
                  attempts, Optional.empty(), event.get().retryWindowStart(), clock.instant())
              .orElse(null);
      if (retryAt == null) {
        reason = policy.gaveUp(attempts, reason);
      }
    }
    ledger.recordFailure(id, reason, retryAt);
    metrics.inbound(retryAt == null ? "quarantined" : "retry");
    if (retryAt == null) {
      LOG.log(
          Level.WARNING,
          "inbound event "
              + id
              + " quarantined; later events of "
              + event.get().orderingKey()
              + " wait behind it until it is replayed or skipped: "
              + reason,
          e);
    } else {
      Level level = cause instanceof NotYetProcessableException ? Level.FINE : Level.WARNING;
      LOG.log(
          level,
          "inbound event " + id + " will be retried at " + retryAt + ": " + reason,
          cause instanceof NotYetProcessableException ? null : e);
    }
  }

  static Throwable rootCause(Throwable e) {
    Throwable current = e;
    while (current.getCause() != null
        && current.getCause() != current
        && !(current instanceof NotYetProcessableException)
        && !(current instanceof UnprocessableEventException)) {
      current = current.getCause();
    }
    return current;
  }
}
