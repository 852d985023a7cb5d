package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.media.MediaActions;
import io.switchboard.engine.application.media.MediaAttachEffect;
import io.switchboard.engine.application.media.MediaFetchEffect;
import io.switchboard.engine.application.media.MediaRecords;
import io.switchboard.engine.application.sync.AssignEffect;
import io.switchboard.engine.application.sync.SyncActions;
import io.switchboard.engine.application.sync.SyncEffect;
import io.switchboard.engine.application.templates.TemplateActions;
import io.switchboard.engine.application.templates.TemplateSyncEffect;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Performs one outbox effect through the plugin it targets. Each step is idempotent. */
@ApplicationScoped
public class OutboxEffects {
  @Inject EffectRecords records;
  @Inject PluginRegistry registry;
  @Inject CrmDeliveryEffect crmDelivery;
  @Inject ChannelSendEffect channelSend;
  @Inject ReadReceipts readReceipts;
  @Inject SyncEffect sync;
  @Inject AssignEffect assign;
  @Inject MediaFetchEffect mediaFetch;
  @Inject MediaAttachEffect mediaAttach;
  @Inject MediaRecords media;
  @Inject RefusalNotes refusalNotes;
  @Inject TemplateSyncEffect templateSync;
  @Inject TemplateNoteEffect templateNote;
  @Inject InboxRecordEffect inboxRecords;

  /**
   * @return a short description of what was done, kept on the outbox row
   */
  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    return switch (entry.action()) {
      case OutboxActions.DELIVER_TO_CRM -> crmDelivery.perform(entry);
      case OutboxActions.RECORD_IN_CRM -> crmDelivery.recordBusinessMessage(entry);
      case OutboxActions.SEND_TO_CHANNEL -> channelSend.perform(entry);
      case OutboxActions.NOTE_TO_CRM -> noteToCrm(entry);
      case OutboxActions.MARK_READ -> readReceipts.perform(entry);
      case SyncActions.SYNC_TO_CRM -> sync.perform(entry);
      case SyncActions.ASSIGN_IN_CRM -> assign.perform(entry);
      case MediaActions.FETCH_MEDIA -> mediaFetch.perform(entry);
      case MediaActions.ATTACH_TO_CRM -> mediaAttach.perform(entry);
      case TemplateActions.SYNC_TEMPLATES -> templateSync.perform(entry);
      case OutboxActions.RECORD_TEMPLATE_IN_CRM -> templateNote.perform(entry);
      case OutboxActions.RECORD_REPLY_IN_CRM -> inboxRecords.recordReply(entry);
      case OutboxActions.RECORD_NOTE_IN_CRM -> inboxRecords.recordNote(entry);
      default -> throw new PermanentException("unknown outbox action " + entry.action(), null);
    };
  }

  /**
   * Records what giving up on an effect means for its subject: a reply that cannot go out is marked
   * failed and agents get an internal note, so it never fails silently.
   */
  public void gaveUp(OutboxEntry entry, String code, String reason) {
    gaveUp(entry, code, FailureReason.OTHER, reason);
  }

  /** Same, with the neutral reason of the refusal. */
  public void gaveUp(OutboxEntry entry, String code, FailureReason neutral, String reason) {
    if (OutboxActions.SEND_TO_CHANNEL.equals(entry.action())) {
      records.sendRefused(entry.subjectId(), code, neutral, reason);
    }
    if (MediaActions.FETCH_MEDIA.equals(entry.action())) {
      media.unavailable(entry.subjectId(), neutral, reason); // agents get a note on the ticket
    }
  }

  /** Before a quarantined effect is replayed: a failed reply is pending again. */
  public void prepareReplay(OutboxEntry entry) {
    if (OutboxActions.SEND_TO_CHANNEL.equals(entry.action())) {
      records.sendRetried(entry.subjectId());
    }
    if (MediaActions.FETCH_MEDIA.equals(entry.action())) {
      media.replaying(entry.subjectId()); // the unavailable file is pending again
    }
  }

  private String noteToCrm(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    if (s.crm() == null || s.conversation().crmTicketId() == null) {
      return "no ticket to note on";
    }
    String note = refusalNotes.textFor(s);
    String id =
        registry
            .adapter(s.crm())
            .addInternalNote(s.conversation().crmTicketId(), entry.idempotencyKey(), note);
    return "note " + id;
  }
}
