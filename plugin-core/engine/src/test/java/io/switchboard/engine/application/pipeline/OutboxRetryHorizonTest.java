package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.engine.ledger.WaitingRow;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxRetryHorizonTest {
  private static final String RT = "crm:rt";
  private static final Duration TICK = Duration.ofSeconds(5);

  private final PipelineFixture f = new PipelineFixture();
  private final OutboxDispatcher dispatcher = f.dispatcher();
  private final AtomicBoolean rtDown = new AtomicBoolean(true);

  OutboxRetryHorizonTest() {
    f.effects.byTarget.put(
        RT,
        e -> {
          if (rtDown.get()) {
            throw new RetryableException("RT answered 503", null);
          }
          return "ok";
        });
  }

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  @DisplayName("a 3.5-minute CRM outage delays a conversation's messages, in order, each once")
  void outageOfMinutesKeepsOrder() {
    List<String> keys = List.of("m1", "m2", "m3", "m4", "m5", "m6");
    keys.forEach(k -> f.enqueue(RT, "conv-1", k));

    f.runFor(Duration.ofSeconds(210), TICK, this::drainAll);
    rtDown.set(false);
    f.runFor(Duration.ofMinutes(30), TICK, this::drainAll);

    assertThat(f.effects.performed).containsExactlyElementsOf(keys);
    assertThat(f.outbox.quarantined(10)).isEmpty();
    assertThat(f.effects.gaveUp).isEmpty();
  }

  @Test
  @DisplayName(
      "an outage of hours is retried with the delay capped at the ceiling, not quarantined")
  void outageOfHoursIsRetried() {
    long first = f.enqueue(RT, "conv-1", "m1");

    f.runFor(Duration.ofHours(6), Duration.ofSeconds(30), this::drainAll);

    assertThat(f.entry(first).status()).isEqualTo(LedgerStatus.PENDING);
    assertThat(f.entry(first).attempts()).isGreaterThan(30);
    assertThat(Duration.between(f.clock.instant(), f.entry(first).nextAttemptAt()))
        .isLessThanOrEqualTo(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("past the horizon the entry is quarantined and later ones wait behind it, visibly")
  void pastHorizonBlocksLaterEntries() {
    f.retries.outboxHorizon = "PT1H";
    long first = f.enqueue(RT, "conv-1", "m1");
    long second = f.enqueue(RT, "conv-1", "m2");
    long otherConversation = f.enqueue("channel:wa", "conv-2", "reply-1");

    f.runFor(Duration.ofMinutes(90), Duration.ofSeconds(30), this::drainAll);
    assertThat(f.entry(first).status()).isEqualTo(LedgerStatus.QUARANTINED);
    assertThat(f.entry(first).lastError()).startsWith("retry horizon PT1H reached after");
    assertThat(f.effects.gaveUp).containsExactly("m1");

    rtDown.set(false);
    f.runFor(Duration.ofMinutes(10), TICK, this::drainAll);

    assertThat(f.entry(second).status()).isEqualTo(LedgerStatus.PENDING);
    assertThat(f.entry(otherConversation).status()).isEqualTo(LedgerStatus.DONE);
    assertThat(f.effects.performed).containsExactly("reply-1");
    assertThat(f.outbox.waitingBehindQuarantine(10))
        .containsExactly(new WaitingRow(second, RT + "|conv-1", first));
    assertThat(f.outbox.waitingBehindQuarantine(second).orElseThrow().reason())
        .isEqualTo("waiting behind quarantined entry " + first);
  }

  @Test
  @DisplayName("a replayed entry goes first, then the ones that waited behind it")
  void replayKeepsOrder() {
    rtDown.set(false);
    f.effects.byTarget.put(
        RT,
        e -> {
          if (e.idempotencyKey().equals("m1") && e.attempts() == 0 && !replayed) {
            throw new PermanentException("RT refused: no right to create tickets", null, "403");
          }
          return "ok";
        });
    long first = f.enqueue(RT, "conv-1", "m1");
    long second = f.enqueue(RT, "conv-1", "m2");
    drainAll();
    assertThat(f.entry(first).status()).isEqualTo(LedgerStatus.QUARANTINED);
    drainAll();
    assertThat(f.entry(second).status()).isEqualTo(LedgerStatus.PENDING);

    replayed = true;
    assertThat(f.outbox.replay(first)).isTrue();
    drainAll();
    drainAll();

    assertThat(f.effects.performed).containsExactly("m1", "m2");
  }

  private volatile boolean replayed;

  @Test
  @DisplayName("an admin's skip gives up on the quarantined entry and lets the later ones proceed")
  void skipReleasesLaterEntries() {
    f.effects.byTarget.put(
        RT,
        e -> {
          if (e.idempotencyKey().equals("m1")) {
            throw new PermanentException("ticket is locked", null, "409");
          }
          return "ok";
        });
    long first = f.enqueue(RT, "conv-1", "m1");
    long second = f.enqueue(RT, "conv-1", "m2");
    drainAll();
    drainAll();
    assertThat(f.effects.performed).isEmpty();

    assertThat(f.outbox.skip(second, "not quarantined")).isFalse();
    assertThat(f.outbox.skip(first, "customer resent it by mail")).isTrue();
    drainAll();

    assertThat(f.entry(first).status()).isEqualTo(LedgerStatus.SKIPPED);
    assertThat(f.entry(first).result())
        .isEqualTo("skipped by an admin: customer resent it by mail");
    assertThat(f.entry(second).status()).isEqualTo(LedgerStatus.DONE);
    assertThat(f.effects.performed).containsExactly("m2");
    assertThat(f.outbox.replay(first)).isFalse();
  }

  private void drainAll() {
    while (dispatcher.drain() > 0) {
      // as the scheduler does: until nothing is due
    }
  }
}
