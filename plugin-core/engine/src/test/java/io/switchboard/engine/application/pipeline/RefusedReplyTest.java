package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A reply the channel refuses for what it is (window closed, too large) fails visibly and does not
 * hold up the conversation's next replies; a refusal of the account as a whole (credentials) keeps
 * them waiting until an admin fixes it and replays.
 */
class RefusedReplyTest {
  private static final String WA = "channel:wa";
  private static final Duration TICK = Duration.ofSeconds(5);

  private final PipelineFixture f = new PipelineFixture();
  private final OutboxDispatcher dispatcher = f.dispatcher();

  @AfterEach
  void close() {
    f.close();
  }

  private void channelRefuses(String key, FailureReason reason) {
    f.effects.byTarget.put(
        WA,
        e -> {
          if (e.idempotencyKey().equals(key)) {
            throw new PermanentException("refused", null, "131047", reason);
          }
          return "sent";
        });
  }

  @Test
  @DisplayName("window closed: the reply fails with a note, the next reply (a template) goes out")
  void windowClosedDoesNotBlock() {
    channelRefuses("r1", FailureReason.WINDOW_CLOSED);
    long first = f.enqueue(WA, OutboxActions.SEND_TO_CHANNEL, "conv-1", "r1");
    long second = f.enqueue(WA, OutboxActions.SEND_TO_CHANNEL, "conv-1", "r2");

    f.runFor(Duration.ofMinutes(1), TICK, () -> dispatcher.drain());

    assertThat(f.effects.gaveUp).containsExactly("r1");
    assertThat(f.entry(first).status()).isEqualTo(LedgerStatus.SKIPPED);
    assertThat(f.entry(first).result()).contains("refused by the channel");
    assertThat(f.entry(first).lastError()).contains("131047");
    assertThat(f.entry(second).status()).isEqualTo(LedgerStatus.DONE);
    assertThat(f.effects.performed).containsExactly("r2");
  }

  @Test
  @DisplayName("credentials refused: the reply is quarantined and the next one waits behind it")
  void authFailureBlocks() {
    channelRefuses("r1", FailureReason.AUTH_FAILED);
    long first = f.enqueue(WA, OutboxActions.SEND_TO_CHANNEL, "conv-1", "r1");
    long second = f.enqueue(WA, OutboxActions.SEND_TO_CHANNEL, "conv-1", "r2");

    f.runFor(Duration.ofMinutes(1), TICK, () -> dispatcher.drain());

    assertThat(f.entry(first).status()).isEqualTo(LedgerStatus.QUARANTINED);
    assertThat(f.entry(second).status()).isEqualTo(LedgerStatus.PENDING);
    assertThat(f.effects.performed).isEmpty();
  }
}
