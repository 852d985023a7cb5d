package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.ledger.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Tells agents in the CRM, as an internal note on the ticket, that a reply did not reach the
 * customer: refused before sending, or failed after the channel had accepted it. One note per
 * message and cause (the idempotency key), enqueued in the caller's transaction.
 */
@ApplicationScoped
public class FailureNotes {
  /** Why the note is written: part of its idempotency key. */
  public enum Cause {
    SEND_FAILED("send-failed"),
    DELIVERY_FAILED("delivery-failed");

    private final String key;

    Cause(String key) {
      this.key = key;
    }
  }

  @Inject Outbox outbox;

  @Transactional(Transactional.TxType.MANDATORY)
  public void noteOn(Conversation conversation, Message message, Cause cause) {
    if (conversation.crmConnectionId() == null || conversation.crmTicketId() == null) {
      return; // no ticket (yet): the message's own status and error are all there is to show
    }
    String target = Sources.crm(conversation.crmConnectionId());
    outbox.enqueue(
        conversation.workspaceId(),
        target,
        OutboxActions.NOTE_TO_CRM,
        target + "|" + conversation.id(),
        "note:" + cause.key + ":" + message.id(),
        message.id());
  }
}
