package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.TestDatabase;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.engine.ledger.LedgerBeans;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline's beans wired by hand over a fresh H2 database and a clock the test moves: the real
 * ledger, outbox, worker and dispatcher; only the plugins' effects and the processing of an event
 * are scripted by the test.
 */
final class PipelineFixture implements AutoCloseable {
  static final String WS = "default";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  final TestDatabase db = new TestDatabase();
  final TestTransactions tx = db.transactions();
  final Outbox outbox = LedgerBeans.outbox(tx, clock);
  final InboundEventLedger ledger = LedgerBeans.ledger(tx, clock);
  final RetrySettings retries = new RetrySettings();
  final ScriptedEffects effects = new ScriptedEffects();
  final ScriptedProcessor processor = new ScriptedProcessor();
  final PipelineMetrics metrics = new QuietMetrics();

  PipelineFixture() {
    retries.baseDelayMs = 1000;
    retries.maxDelayMs = 600_000;
    retries.inboundHorizon = "PT24H";
    retries.outboxHorizon = "PT24H";
  }

  OutboxDispatcher dispatcher() {
    OutboxDispatcher d = new OutboxDispatcher();
    d.outbox = outbox;
    d.effects = effects;
    d.metrics = metrics;
    d.clock = clock;
    d.retries = retries;
    d.leaseSeconds = 120;
    return d;
  }

  InboundWorker worker() {
    InboundWorker w = new InboundWorker();
    w.ledger = ledger;
    w.processor = processor;
    w.metrics = metrics;
    w.clock = clock;
    w.retries = retries;
    return w;
  }

  /** Enqueues a {@code DELIVER_TO_CRM}-like effect; the idempotency key names it in assertions. */
  long enqueue(String target, String conversation, String key) {
    return enqueue(target, OutboxActions.DELIVER_TO_CRM, conversation, key);
  }

  long enqueue(String target, String action, String conversation, String key) {
    tx.run(() -> outbox.enqueue(WS, target, action, target + "|" + conversation, key, key));
    return outbox.recent(10_000).stream()
        .filter(e -> e.idempotencyKey().equals(key))
        .findFirst()
        .orElseThrow()
        .id();
  }

  long append(String orderingKey, String dedupeKey) {
    tx.run(
        () ->
            ledger.append(
                WS,
                "channel:wa",
                dedupeKey,
                orderingKey,
                InboundEvent.RAW,
                dedupeKey.getBytes(StandardCharsets.UTF_8)));
    return ledger.recent(10_000).stream()
        .filter(e -> e.dedupeKey().equals(dedupeKey))
        .findFirst()
        .orElseThrow()
        .id();
  }

  OutboxEntry entry(long id) {
    return outbox.find(id).orElseThrow();
  }

  InboundEvent event(long id) {
    return ledger.find(id).orElseThrow();
  }

  /** Runs the dispatcher and worker as the scheduler would, moving the clock by {@code step}. */
  void runFor(Duration total, Duration step, Runnable tick) {
    for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plus(step)) {
      tick.run();
      clock.advance(step);
    }
  }

  @Override
  public void close() {
    db.close();
  }

  /** What a plugin does with one effect. */
  interface Effect {
    String perform(OutboxEntry entry) throws RetryableException, PermanentException;
  }

  /** The plugins' side, scripted per target; records what was performed, in order. */
  static final class ScriptedEffects extends OutboxEffects {
    final Map<String, Effect> byTarget = new ConcurrentHashMap<>();
    final List<String> performed = Collections.synchronizedList(new ArrayList<>());
    final List<String> gaveUp = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
      String outcome = byTarget.getOrDefault(entry.target(), e -> "ok").perform(entry);
      performed.add(entry.idempotencyKey());
      return outcome;
    }

    @Override
    public void gaveUp(
        OutboxEntry entry, String code, io.switchboard.spi.FailureReason neutral, String reason) {
      gaveUp.add(entry.idempotencyKey());
    }

    @Override
    public void prepareReplay(OutboxEntry entry) {}
  }

  /**
   * What processing one event does, scripted by dedupe key; as InboundProcessor: lock, work, done.
   */
  final class ScriptedProcessor extends InboundProcessor {
    final Map<String, Runnable> byDedupeKey = new ConcurrentHashMap<>();
    final List<String> processed = Collections.synchronizedList(new ArrayList<>());

    @Override
    public boolean process(long id) {
      return tx.requiresNew(
          () -> {
            var locked = PipelineFixture.this.ledger.lock(id);
            if (locked.isEmpty()) {
              return false;
            }
            InboundEvent event = locked.get();
            byDedupeKey.getOrDefault(event.dedupeKey(), () -> {}).run();
            processed.add(event.dedupeKey());
            event.done(PipelineFixture.this.clock.instant());
            return true;
          });
    }
  }

  /** Metrics go nowhere in these tests. */
  static final class QuietMetrics extends PipelineMetrics {
    @Override
    public void webhook(String source, String outcome) {}

    @Override
    void inbound(String outcome) {}

    @Override
    void outbox(String action, String outcome) {}
  }
}
