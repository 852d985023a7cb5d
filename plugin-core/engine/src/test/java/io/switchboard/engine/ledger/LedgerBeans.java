package io.switchboard.engine.ledger;

import io.switchboard.engine.infrastructure.TestTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger beans as the container would run them: each public method in the transaction its
 * {@code @Transactional} asks for, over a real database.
 */
public final class LedgerBeans {
  private LedgerBeans() {}

  public static Outbox outbox(TestTransactions tx, Clock clock) {
    Outbox outbox =
        new Outbox() {
          @Override
          public boolean enqueue(
              String workspaceId,
              String target,
              String action,
              String orderingKey,
              String idempotencyKey,
              String subjectId) {
            return tx.mandatory(
                () ->
                    super.enqueue(
                        workspaceId, target, action, orderingKey, idempotencyKey, subjectId));
          }

          @Override
          public List<OutboxEntry> claim(String target, int limit, Duration lease, String owner) {
            return tx.requiresNew(() -> super.claim(target, limit, lease, owner));
          }

          @Override
          public List<String> dueTargets() {
            return tx.required(super::dueTargets);
          }

          @Override
          public Set<Long> renew(Map<Long, String> held, Duration lease) {
            return tx.requiresNew(() -> super.renew(held, lease));
          }

          @Override
          public boolean complete(long id, String token, String outcome) {
            return tx.requiresNew(() -> super.complete(id, token, outcome));
          }

          @Override
          public boolean fail(long id, String token, String reason, Instant retryAt) {
            return tx.requiresNew(() -> super.fail(id, token, reason, retryAt));
          }

          @Override
          public boolean defer(long id, String token, Instant until, String reason) {
            return tx.requiresNew(() -> super.defer(id, token, until, reason));
          }

          @Override
          public int resumeDeferred(String target) {
            return tx.requiresNew(() -> super.resumeDeferred(target));
          }

          @Override
          public long deferredCount(String target) {
            return tx.required(() -> super.deferredCount(target));
          }

          @Override
          public List<OutboxEntry> quarantined(int limit) {
            return tx.required(() -> super.quarantined(limit));
          }

          @Override
          public List<OutboxEntry> recent(int limit) {
            return tx.required(() -> super.recent(limit));
          }

          @Override
          public Optional<OutboxEntry> find(long id) {
            return tx.required(() -> super.find(id));
          }

          @Override
          public boolean replay(long id) {
            return tx.required(() -> super.replay(id));
          }

          @Override
          public boolean skip(long id, String note) {
            return tx.required(() -> super.skip(id, note));
          }

          @Override
          public boolean setAside(long id, String note) {
            return tx.requiresNew(() -> super.setAside(id, note));
          }

          @Override
          public List<WaitingRow> waitingBehindQuarantine(int limit) {
            return tx.required(() -> super.waitingBehindQuarantine(limit));
          }

          @Override
          public Optional<WaitingRow> waitingBehindQuarantine(long id) {
            return tx.required(() -> super.waitingBehindQuarantine(id));
          }

          @Override
          public int prune(Instant before, int limit) {
            return tx.requiresNew(() -> super.prune(before, limit));
          }
        };
    outbox.em = tx.entityManager();
    outbox.clock = clock;
    return outbox;
  }

  public static InboundEventLedger ledger(TestTransactions tx, Clock clock) {
    InboundEventLedger ledger =
        new InboundEventLedger() {
          @Override
          public boolean append(
              String workspaceId,
              String source,
              String dedupeKey,
              String orderingKey,
              String format,
              byte[] body) {
            return tx.mandatory(
                () -> super.append(workspaceId, source, dedupeKey, orderingKey, format, body));
          }

          @Override
          public boolean quarantine(
              String workspaceId, String source, String dedupeKey, byte[] body, String reason) {
            return tx.mandatory(
                () -> super.quarantine(workspaceId, source, dedupeKey, body, reason));
          }

          @Override
          public List<Long> due(int limit) {
            return tx.required(() -> super.due(limit));
          }

          @Override
          public Optional<InboundEvent> lock(long id) {
            return tx.mandatory(() -> super.lock(id));
          }

          @Override
          public Optional<InboundEvent> find(long id) {
            return tx.required(() -> super.find(id));
          }

          @Override
          public void recordFailure(long id, String reason, Instant retryAt) {
            tx.requiresNew(
                () -> {
                  super.recordFailure(id, reason, retryAt);
                  return null;
                });
          }

          @Override
          public List<InboundEvent> quarantined(int limit) {
            return tx.required(() -> super.quarantined(limit));
          }

          @Override
          public List<InboundEvent> recent(int limit) {
            return tx.required(() -> super.recent(limit));
          }

          @Override
          public boolean replay(long id) {
            return tx.required(() -> super.replay(id));
          }

          @Override
          public boolean skip(long id, String note) {
            return tx.required(() -> super.skip(id, note));
          }

          @Override
          public long count(LedgerStatus status) {
            return tx.required(() -> super.count(status));
          }

          @Override
          public List<WaitingRow> waitingBehindQuarantine(int limit) {
            return tx.required(() -> super.waitingBehindQuarantine(limit));
          }

          @Override
          public Optional<WaitingRow> waitingBehindQuarantine(long id) {
            return tx.required(() -> super.waitingBehindQuarantine(id));
          }

          @Override
          public int prune(Instant before, int limit) {
            return tx.requiresNew(() -> super.prune(before, limit));
          }
        };
    ledger.em = tx.entityManager();
    ledger.clock = clock;
    return ledger;
  }
}
