package io.switchboard.engine.application.media;

import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Enqueues {@code ATTACH_TO_CRM} for a file whose message went to the CRM without it, once the
 * fetch has ended (stored, or given up on). Called by both sides of the race, the delivery and the
 * fetch, each holding the media object's row lock: whichever comes second sees both facts and
 * enqueues, so the attachment is neither lost nor doubled.
 */
@ApplicationScoped
public class MediaAttachQueue {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject io.switchboard.engine.ledger.Outbox outbox;

  /**
   * @param media the media object, locked by the caller
   * @return whether an attach effect was enqueued
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean ifDue(MediaObject media) {
    if (media.crmAttachment() != MediaObject.CrmAttachment.SEPARATE || !media.settled()) {
      return false;
    }
    Message message = em.find(Message.class, media.messageId());
    Conversation conversation = em.find(Conversation.class, message.conversationId());
    if (conversation.crmConnectionId() == null) {
      return false;
    }
    String target = Sources.crm(conversation.crmConnectionId());
    return outbox.enqueue(
        media.workspaceId(),
        target,
        MediaActions.ATTACH_TO_CRM,
        MediaActions.orderingKey(target, media.id()),
        MediaActions.attachKey(media.id(), media.fetchRound()),
        media.id());
  }
}
