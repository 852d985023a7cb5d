package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.spi.PermanentException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedgerRetentionTest {
  private static final String RT = "crm:rt";

  private final PipelineFixture f = new PipelineFixture();
  private final LedgerRetention retention = new LedgerRetention();

  LedgerRetentionTest() {
    retention.ledger = f.ledger;
    retention.outbox = f.outbox;
    retention.clock = f.clock;
    retention.retention = "P30D";
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  @DisplayName("finished rows older than the retention are deleted; pending and quarantined stay")
  void prunesOnlyOldFinishedRows() {
    f.effects.byTarget.put(
        RT,
        e -> {
          if (e.idempotencyKey().startsWith("refused")) {
            throw new PermanentException("no rights", null, "403");
          }
          return "ok";
        });
    f.processor.byDedupeKey.put(
        "msg:poison",
        () -> {
          throw new UnprocessableEventException("channel is gone", null);
        });
    long oldDone = f.enqueue(RT, "conv-1", "old-done");
    long oldQuarantined = f.enqueue(RT, "conv-2", "refused-1");
    long oldEvent = f.append("channel:wa|a", "msg:old");
    long poison = f.append("channel:wa|b", "msg:poison");
    drainAll();
    long oldPending = f.enqueue(RT, "conv-2", "behind-the-refused-one");
    long pendingEvent = f.append("channel:wa|b", "msg:behind-poison");
    drainAll();

    f.clock.advance(Duration.ofDays(31));
    long recentDone = f.enqueue(RT, "conv-3", "recent-done");
    long recentEvent = f.append("channel:wa|c", "msg:recent");
    drainAll();

    while (retention.prune() > 0) {
      // as the retention lane does
    }

    assertThat(f.outbox.find(oldDone)).isEmpty();
    assertThat(f.ledger.find(oldEvent)).isEmpty();
    assertThat(f.entry(oldQuarantined).status()).isEqualTo(LedgerStatus.QUARANTINED);
    assertThat(f.entry(oldPending).status()).isEqualTo(LedgerStatus.PENDING);
    assertThat(f.event(poison).status()).isEqualTo(LedgerStatus.QUARANTINED);
    assertThat(f.event(pendingEvent).status()).isEqualTo(LedgerStatus.PENDING);
    assertThat(f.entry(recentDone).status()).isEqualTo(LedgerStatus.DONE);
    assertThat(f.event(recentEvent).status()).isEqualTo(LedgerStatus.DONE);
  }

  @Test
  @DisplayName("a skipped row is finished: pruned after the retention like a done one")
  void prunesSkippedRows() {
    f.effects.byTarget.put(
        RT,
        e -> {
          throw new PermanentException("no rights", null, "403");
        });
    long refused = f.enqueue(RT, "conv-1", "refused");
    drainAll();
    f.outbox.skip(refused, "resent by hand");
    f.clock.advance(Duration.ofDays(29));
    retention.prune();
    assertThat(f.outbox.find(refused)).isPresent();

    f.clock.advance(Duration.ofDays(2));
    retention.prune();
    assertThat(f.outbox.find(refused)).isEmpty();
  }

  private void drainAll() {
    OutboxDispatcher dispatcher = f.dispatcher();
    InboundWorker worker = f.worker();
    while (dispatcher.drain() + worker.drain() > 0) {
      // until nothing is due
    }
  }
}
