package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * {@code RECORD_TEMPLATE_IN_CRM}: once a template went out, the ticket shows it as an internal note
 * ({@code Template order_update sent by amal: Order 4567 ships on Monday.}), whether it was sent
 * from the admin API or by a {@code /template} reply, so agents read what the customer got.
 */
@ApplicationScoped
public class TemplateNoteEffect {
  @Inject EffectRecords records;
  @Inject PluginRegistry registry;
  @Inject Outbox outbox;

  /** Enqueues the note for a template that was sent, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void sent(Conversation conversation, Message message) {
    if (!"template".equals(message.contentType())
        || conversation.crmConnectionId() == null
        || conversation.crmTicketId() == null) {
      return;
    }
    String target = Sources.crm(conversation.crmConnectionId());
    outbox.enqueue(
        conversation.workspaceId(),
        target,
        OutboxActions.RECORD_TEMPLATE_IN_CRM,
        target + "|" + conversation.id(),
        "note:template-sent:" + message.id(),
        message.id());
  }

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    if (s.crm() == null || s.conversation().crmTicketId() == null) {
      return "no ticket to note on";
    }
    String id =
        registry
            .adapter(s.crm())
            .addInternalNote(
                s.conversation().crmTicketId(), entry.idempotencyKey(), text(s.message()));
    return "note " + id;
  }

  static String text(Message m) {
    return "Template "
        + OutboundContentJson.templateName(m)
        + " sent by "
        + (m.author() == null ? "an admin" : m.author())
        + ": "
        + m.body();
  }
}
