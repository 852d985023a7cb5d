package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.media.MediaFiles;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.capability.ReplyRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * What agents do in the inbox view, recorded on the ticket so that the CRM stays the full record:
 * {@code RECORD_REPLY_IN_CRM} once a message sent from the view went out, as the agent's own reply
 * ({@link ReplyRecords}; without it, an internal note "Reply by amal from the Switchboard inbox:
 * ..."), and {@code RECORD_NOTE_IN_CRM} for an internal note ("Note by amal: ...").
 *
 * <p>The CRM's entry id is kept on the message ({@code crm_entry_id}): a retried effect finds it
 * and does nothing, and a reply the CRM reports back with that id is known as our own record and
 * never sent to the customer again ({@link AgentReplies}).
 */
@ApplicationScoped
public class InboxRecordEffect {
  /** Where the inbox view's sends come from: {@code inbox:<crm>:<login>:<key>}. */
  public static final String SOURCE_PREFIX = "inbox:";

  /** An uploaded file's reference in {@link OutboundFile}: {@code upload:<media id>}. */
  public static final String UPLOAD_PREFIX = "upload:";

  @Inject EffectRecords records;
  @Inject PluginRegistry registry;
  @Inject Outbox outbox;
  @Inject MediaFiles files;

  /** A message went out: one sent from the inbox view is recorded on the ticket. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void sent(Conversation c, Message m) {
    if (m.sourceEventId() == null
        || !m.sourceEventId().startsWith(SOURCE_PREFIX)
        || c.crmConnectionId() == null) {
      return;
    }
    enqueue(c, m, OutboxActions.RECORD_REPLY_IN_CRM, "inbox-reply:" + m.id());
  }

  /** An agent wrote an internal note in the inbox view. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void noted(Conversation c, Message note) {
    if (c.crmConnectionId() != null) {
      enqueue(c, note, OutboxActions.RECORD_NOTE_IN_CRM, "inbox-note:" + note.id());
    }
  }

  private void enqueue(Conversation c, Message m, String action, String key) {
    String target = Sources.crm(c.crmConnectionId());
    outbox.enqueue(c.workspaceId(), target, action, target + "|" + c.id(), key, m.id());
  }

  public String recordReply(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    Message m = s.message();
    if (m.crmEntryId() != null) {
      return "already recorded as " + m.crmEntryId();
    }
    String ticket = ticketOf(s);
    CrmAdapter crm = registry.adapter(s.crm());
    OutboundContentJson.Stored stored = OutboundContentJson.read(m);
    List<Attachment> attachments = attachmentsOf(stored.file());
    String text = stored.file() == null ? m.body() : "";
    Optional<ReplyRecords> replies = crm.capability(ReplyRecords.class);
    String entryId;
    if (replies.isPresent()) {
      entryId =
          replies
              .get()
              .recordAgentReply(ticket, entry.idempotencyKey(), m.author(), text, attachments);
    } else {
      entryId =
          crm.addInternalNote(
              ticket,
              entry.idempotencyKey(),
              "Reply by "
                  + m.author()
                  + " from the Switchboard inbox: "
                  + (stored.file() == null ? m.body() : m.body() + " (sent as a file)"));
    }
    records.mirrored(m.id(), entryId);
    return "ticket " + ticket + ", " + (replies.isPresent() ? "reply " : "note ") + entryId;
  }

  public String recordNote(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    Message note = s.message();
    if (note.crmEntryId() != null) {
      return "already recorded as " + note.crmEntryId();
    }
    String ticket = ticketOf(s);
    String id =
        registry
            .adapter(s.crm())
            .addInternalNote(
                ticket, entry.idempotencyKey(), "Note by " + note.author() + ": " + note.body());
    records.mirrored(note.id(), id);
    return "ticket " + ticket + ", note " + id;
  }

  /** The ticket; a conversation whose ticket is not open yet is tried again later. */
  private static String ticketOf(EffectRecords.Subject s) throws RetryableException {
    if (s.crm() == null || s.conversation().crmTicketId() == null) {
      throw new RetryableException(
          "conversation " + s.conversation().id() + " has no ticket yet", null);
    }
    return s.conversation().crmTicketId();
  }

  private List<Attachment> attachmentsOf(OutboundFile file) throws PermanentException {
    if (file == null || !file.crmReference().startsWith(UPLOAD_PREFIX)) {
      return List.of();
    }
    String mediaId = file.crmReference().substring(UPLOAD_PREFIX.length());
    return List.of(
        files
            .stored(mediaId)
            .orElseThrow(
                () -> new PermanentException("the uploaded file " + mediaId + " is gone", null))
            .attachment());
  }
}
