package io.switchboard.engine.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.crm.capability.ReplyRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A reply sent from the inbox view is recorded on the ticket as the agent's, once")
class InboxRecordTest {
  final OutboundFixture f = new OutboundFixture();
  final List<String> recorded = new ArrayList<>();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void withReplyRecordsTheTicketGetsTheAgentsOwnReplyAndTheMessageItsEntryId() {
    f.crm.replyRecords = new Recorder();
    Conversation c = f.customerWrote("where is my order?");

    Message m = sendFromInbox(c, "On its way!", "k1");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(recorded).containsExactly("42|amal|On its way!");
    Message after = f.inTx(() -> f.in.messages.find(m.id()).orElseThrow());
    assertThat(after.status()).isEqualTo(MessageStatus.SENT);
    assertThat(after.crmEntryId()).isEqualTo("txn:900");
    assertThat(f.crm.notes).isEmpty();
  }

  @Test
  void withoutReplyRecordsItIsAnInternalNoteNamingTheAgent() {
    Conversation c = f.customerWrote("hello");

    Message m = sendFromInbox(c, "Hi Kerry", "k1");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.crm.notes.values())
        .containsExactly("Reply by amal from the Switchboard inbox: Hi Kerry");
    assertThat(f.inTx(() -> f.in.messages.find(m.id()).orElseThrow().crmEntryId())).isNotNull();
  }

  @Test
  void theSameRequestAgainSendsAndRecordsNothingMore() {
    f.crm.replyRecords = new Recorder();
    Conversation c = f.customerWrote("hello");

    Message first = sendFromInbox(c, "Hi", "k1");
    Message again = sendFromInbox(c, "Hi", "k1");
    f.dispatch(Duration.ofSeconds(30));
    var entry = f.outbox(OutboxActions.RECORD_REPLY_IN_CRM).get(0);
    String second =
        f.inTx(
            () -> {
              try {
                return f.inboxRecords.recordReply(entry);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(f.channel.sent).hasSize(1);
    assertThat(recorded).hasSize(1);
    assertThat(second).startsWith("already recorded as txn:900");
  }

  @Test
  void aReplyTheCrmReportsBackWithOurEntryIdIsNotSentAgain() {
    f.crm.replyRecords = new Recorder();
    Conversation c = f.customerWrote("hello");
    sendFromInbox(c, "Hi", "k1");
    f.dispatch(Duration.ofSeconds(30));

    var outcome = f.agentReplies("txn:900", "Hi");
    f.dispatch(Duration.ofSeconds(30));

    assertThat(outcome).hasValueSatisfying(n -> assertThat(n).contains("not sent again"));
    assertThat(f.channel.sent).hasSize(1);
    assertThat(f.outbound()).hasSize(1);
  }

  @Test
  void aSendThroughTheAdminApiIsNotRecordedAsAnInboxReply() {
    Conversation c = f.customerWrote("hello");

    f.inTx(() -> f.apiSends.send(c.id(), "tool", Text.of("Hi"), null, "x1"));
    f.dispatch(Duration.ofSeconds(30));

    assertThat(f.outbox(OutboxActions.RECORD_REPLY_IN_CRM)).isEmpty();
  }

  private Message sendFromInbox(Conversation c, String text, String key) {
    return f.inTx(
        () ->
            f.apiSends
                .sendAs(c.id(), "amal", Text.of(text), null, "inbox:rt:amal:" + key)
                .orElseThrow()
                .message());
  }

  /** The CRM records what it is given, once per key, as RT's Switchboard Key does. */
  private final class Recorder implements ReplyRecords {
    final java.util.Set<String> keys = new java.util.HashSet<>();

    @Override
    public String recordAgentReply(
        String ticketId,
        String idempotencyKey,
        String agentLogin,
        String text,
        List<Attachment> attachments) {
      if (keys.add(idempotencyKey)) {
        recorded.add(ticketId + "|" + agentLogin + "|" + text);
      }
      return "txn:900";
    }
  }
}
