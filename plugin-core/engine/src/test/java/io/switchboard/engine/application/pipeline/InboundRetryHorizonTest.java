package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.ledger.LedgerStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InboundRetryHorizonTest {
  private static final String CUSTOMER = "channel:wa|4915112345678";

  private final PipelineFixture f = new PipelineFixture();
  private final InboundWorker worker = f.worker();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  @DisplayName("events of a customer are processed in arrival order, each once")
  void inOrder() {
    f.append(CUSTOMER, "msg:1");
    f.append(CUSTOMER, "msg:2");
    f.append("channel:wa|other", "msg:3");

    drainAll();

    assertThat(f.processor.processed).containsExactlyInAnyOrder("msg:1", "msg:2", "msg:3");
    assertThat(f.processor.processed.indexOf("msg:1"))
        .isLessThan(f.processor.processed.indexOf("msg:2"));
  }

  @Test
  @DisplayName("a failing event is retried far beyond ten attempts while younger than the horizon")
  void retriedWithinHorizon() {
    AtomicBoolean failing = new AtomicBoolean(true);
    f.processor.byDedupeKey.put(
        "msg:1",
        () -> {
          if (failing.get()) {
            throw new IllegalStateException("database hiccup");
          }
        });
    long first = f.append(CUSTOMER, "msg:1");
    f.append(CUSTOMER, "msg:2");

    f.runFor(Duration.ofHours(2), Duration.ofSeconds(30), this::drainAll);
    assertThat(f.event(first).status()).isEqualTo(LedgerStatus.PENDING);
    assertThat(f.event(first).attempts()).isGreaterThan(10);
    assertThat(f.processor.processed).isEmpty();

    failing.set(false);
    f.runFor(Duration.ofMinutes(15), Duration.ofSeconds(30), this::drainAll);
    assertThat(f.processor.processed).containsExactly("msg:1", "msg:2");
  }

  @Test
  @DisplayName("a poison event is quarantined at once and holds back the customer's later events")
  void poisonBlocksUntilSkipped() {
    f.processor.byDedupeKey.put(
        "msg:1",
        () -> {
          throw new UnprocessableEventException("event msg:1 no longer found in its body", null);
        });
    long first = f.append(CUSTOMER, "msg:1");
    long second = f.append(CUSTOMER, "msg:2");
    f.append("channel:wa|other", "msg:3");

    drainAll();

    assertThat(f.event(first).status()).isEqualTo(LedgerStatus.QUARANTINED);
    assertThat(f.event(first).attempts()).isEqualTo(1);
    assertThat(f.processor.processed).containsExactly("msg:3");
    assertThat(f.ledger.waitingBehindQuarantine(second).orElseThrow().reason())
        .isEqualTo("waiting behind quarantined entry " + first);

    assertThat(f.ledger.skip(first, "sent by a test tool")).isTrue();
    drainAll();

    assertThat(f.event(first).status()).isEqualTo(LedgerStatus.SKIPPED);
    assertThat(f.processor.processed).containsExactly("msg:3", "msg:2");
  }

  @Test
  @DisplayName(
      "past the horizon a failing event is quarantined; replay processes it, then the rest")
  void horizonThenReplay() {
    f.retries.inboundHorizon = "1"; // hours
    AtomicBoolean failing = new AtomicBoolean(true);
    f.processor.byDedupeKey.put(
        "msg:1",
        () -> {
          if (failing.get()) {
            throw new IllegalStateException("bug");
          }
        });
    long first = f.append(CUSTOMER, "msg:1");
    f.append(CUSTOMER, "msg:2");

    f.runFor(Duration.ofMinutes(80), Duration.ofSeconds(30), this::drainAll);
    assertThat(f.event(first).status()).isEqualTo(LedgerStatus.QUARANTINED);
    assertThat(f.event(first).lastError()).startsWith("retry horizon PT1H reached");
    assertThat(f.processor.processed).isEmpty();

    failing.set(false);
    assertThat(f.ledger.replay(first)).isTrue();
    drainAll();
    assertThat(f.processor.processed).containsExactly("msg:1", "msg:2");
  }

  private void drainAll() {
    while (worker.drain() > 0) {
      // as the scheduler does
    }
  }
}
