package io.switchboard.engine.application.media;

import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaRepository;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.engine.ledger.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The admin side of media: what a message's files are and where they stand, and another try for an
 * unavailable one (its quarantined fetch is replayed, or a new fetch enqueued).
 */
@ApplicationScoped
public class MediaAdmin {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject MediaRepository media;
  @Inject MessageRepository messages;
  @Inject Outbox outbox;
  @Inject Clock clock;

  /** What {@link #retry} did. */
  public enum Retry {
    /** No such media. */
    NOT_FOUND,
    /** Only an unavailable file can be retried (pending, stored and expired ones cannot). */
    NOT_UNAVAILABLE,
    /** Pending again; its quarantined fetch was replayed or a new one enqueued. */
    PENDING_AGAIN
  }

  @Transactional
  public Optional<MediaObject> find(String id) {
    return media.find(id);
  }

  /** The files of a message; empty when there is no such message. */
  @Transactional
  public Optional<List<MediaObject>> ofMessage(String messageId) {
    return messages.find(messageId).map(m -> media.ofMessage(messageId));
  }

  @Transactional
  public Retry retry(String id) {
    Optional<MediaObject> found = media.lock(id);
    if (found.isEmpty()) {
      return Retry.NOT_FOUND;
    }
    MediaObject m = found.get();
    if (!m.retry(clock.instant())) {
      return Retry.NOT_UNAVAILABLE;
    }
    Optional<Long> quarantined = quarantinedFetch(id);
    if (quarantined.isPresent() && outbox.replay(quarantined.get())) {
      return Retry.PENDING_AGAIN;
    }
    String target = Sources.channel(m.channelId());
    outbox.enqueue(
        m.workspaceId(),
        target,
        MediaActions.FETCH_MEDIA,
        MediaActions.orderingKey(target, id),
        MediaActions.fetchKey(id, m.fetchRound()),
        id);
    return Retry.PENDING_AGAIN;
  }

  // The fetch that gave up stays quarantined (visible, replayable): a retry replays that one
  // rather than leaving it behind in the quarantine list.
  @SuppressWarnings("unchecked")
  private Optional<Long> quarantinedFetch(String mediaId) {
    List<Object> ids =
        em.createNativeQuery(
                "select id from outbox where action = ? and subject_id = ?"
                    + " and status = 'QUARANTINED' order by id desc")
            .setParameter(1, MediaActions.FETCH_MEDIA)
            .setParameter(2, mediaId)
            .setMaxResults(1)
            .getResultList();
    return ids.stream().findFirst().map(n -> ((Number) n).longValue());
  }
}
