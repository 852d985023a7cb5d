package io.switchboard.engine.application.media;

import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaRepository;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.spi.content.Media;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * A customer's media message was recorded: its file becomes a {@code PENDING} media object and a
 * {@code FETCH_MEDIA} effect on the channel's target, in the same transaction. The fetch has an
 * ordering key of its own, so the message goes to the CRM at once and a slow or failing download
 * never holds up the conversation.
 */
@ApplicationScoped
public class MediaIntake {
  @Inject MediaRepository media;
  @Inject Outbox outbox;
  @Inject Clock clock;

  /**
   * @param workspaceId the workspace of the message
   * @param target the channel account's outbox target ({@code channel:<id>})
   * @return the new media object
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public MediaObject received(String workspaceId, Message message, Media content, String target) {
    MediaObject m =
        MediaObject.received(
            workspaceId,
            message.id(),
            message.channelId(),
            content.kind().name(),
            content.reference(),
            content.link(),
            content.mimeType(),
            content.fileName(),
            content.size(),
            content.sha256(),
            clock.instant());
    media.add(m);
    outbox.enqueue(
        m.workspaceId(),
        target,
        MediaActions.FETCH_MEDIA,
        MediaActions.orderingKey(target, m.id()),
        MediaActions.fetchKey(m.id(), m.fetchRound()),
        m.id());
    return m;
  }
}
