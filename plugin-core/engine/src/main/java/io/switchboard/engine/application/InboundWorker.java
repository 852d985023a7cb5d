package io.switchboard.engine.application;

import io.switchboard.engine.ledger.InboundEventLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the inbound ledger: processes due events oldest first, each in its own transaction, and
 * records failures with backoff (quarantine after {@code switchboard.inbound.max-attempts}).
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
      Throwable cause = rootCause(e);
      boolean permanent = cause instanceof UnprocessableEventException;
      int attempts = ledger.find(id).map(ev -> ev.attempts()).orElse(0) + 1;
      var retryAt =
          retries
              .inbound(permanent)
              .nextAttempt(attempts, Optional.empty(), clock.instant())
              .orElse(null);
      String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
      ledger.recordFailure(id, reason, retryAt);
      metrics.inbound(retryAt == null ? "quarantined" : "retry");
      Level level = cause instanceof NotYetProcessableException ? Level.FINE : Level.WARNING;
      LOG.log(
          level,
          "inbound event "
              + id
              + (retryAt == null ? " quarantined: " : " will be retried at " + retryAt + ": ")
              + reason,
          cause instanceof NotYetProcessableException ? null : e);
      return false;
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
