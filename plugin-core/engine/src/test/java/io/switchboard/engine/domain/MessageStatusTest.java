package io.switchboard.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageStatusTest {
  private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

  private Message sentReply() {
    Conversation conversation = Conversation.open("w", "wa", "cust", "1555", "rt", now);
    Message m = Message.fromAgent(conversation, "agent1", "hi", "txn:1", now);
    m.sent("wamid.1", now);
    return m;
  }

  @Test
  @DisplayName("statuses move forward: sent < delivered < read")
  void forward() {
    Message m = sentReply();
    assertThat(m.advanceTo(MessageStatus.DELIVERED, now, null, null)).isTrue();
    assertThat(m.advanceTo(MessageStatus.READ, now, null, null)).isTrue();
    assertThat(m.status()).isEqualTo(MessageStatus.READ);
  }

  @Test
  @DisplayName("a late 'delivered' or 'sent' after 'read' is ignored")
  void neverBackwards() {
    Message m = sentReply();
    m.advanceTo(MessageStatus.READ, now, null, null);
    assertThat(m.advanceTo(MessageStatus.DELIVERED, now, null, null)).isFalse();
    assertThat(m.advanceTo(MessageStatus.SENT, now, null, null)).isFalse();
    assertThat(m.status()).isEqualTo(MessageStatus.READ);
  }

  @Test
  @DisplayName("failed is terminal and keeps its code and reason")
  void failedIsTerminal() {
    Message m = sentReply();
    assertThat(m.advanceTo(MessageStatus.FAILED, now, "131047", "Re-engagement message")).isTrue();
    assertThat(m.advanceTo(MessageStatus.READ, now, null, null)).isFalse();
    assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(m.errorCode()).isEqualTo("131047");
    assertThat(m.errorMessage()).isEqualTo("Re-engagement message");
  }

  @Test
  @DisplayName("a message the customer already read cannot be reported failed")
  void readThenFailedIsIgnored() {
    Message m = sentReply();
    m.advanceTo(MessageStatus.READ, now, null, null);
    assertThat(m.advanceTo(MessageStatus.FAILED, now, "1", "late")).isFalse();
  }

  @Test
  @DisplayName("inbound messages have no delivery status to advance")
  void inboundDoesNotAdvance() {
    Conversation conversation = Conversation.open("w", "wa", "cust", "1555", "rt", now);
    Message in = Message.fromCustomer(conversation, "wamid.in", "text", "hello", null, now, now);
    assertThat(in.advanceTo(MessageStatus.READ, now, null, null)).isFalse();
    assertThat(in.status()).isEqualTo(MessageStatus.RECEIVED);
  }

  @Test
  @DisplayName("a reply the channel refused is pending again when replayed; a sent one is not")
  void replayOfRefusedReply() {
    Conversation conversation = Conversation.open("w", "wa", "cust", "1555", "rt", now);
    Message refused = Message.fromAgent(conversation, "agent1", "hi", "txn:2", now);
    refused.failedToSend("131047", "Re-engagement message", now);
    refused.retrySend(now);
    assertThat(refused.status()).isEqualTo(MessageStatus.PENDING);
    assertThat(refused.errorCode()).isNull();

    Message sentThenFailed = sentReply();
    sentThenFailed.advanceTo(MessageStatus.FAILED, now, "131026", "undeliverable");
    sentThenFailed.retrySend(now);
    assertThat(sentThenFailed.status()).isEqualTo(MessageStatus.FAILED);
  }
}
