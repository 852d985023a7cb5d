package io.switchboard.engine.application.media;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaRepository;
import io.switchboard.engine.domain.MediaStatus;
import io.switchboard.engine.domain.MediaStore;
import io.switchboard.engine.infrastructure.media.MediaStores;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Short transactions around the fetch of a file: read what it needs, record each attempt, store the
 * bytes and mark the media stored (or unavailable) under its row lock, and enqueue the CRM
 * attachment when its message went ahead without it.
 */
@ApplicationScoped
public class MediaRecords {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject MediaRepository media;
  @Inject MediaStores stores;
  @Inject MediaAttachQueue attachments;
  @Inject MediaSettings settings;
  @Inject Clock clock;

  /** What a fetch needs, read in one go (detached). */
  public record FetchSubject(MediaObject media, ChannelAccount channel) {}

  @Transactional
  public FetchSubject forFetch(String mediaId) throws PermanentException {
    MediaObject m =
        media
            .find(mediaId)
            .orElseThrow(
                () -> new PermanentException("media " + mediaId + " does not exist", null));
    ChannelAccount channel = em.find(ChannelAccount.class, m.channelId());
    if (channel == null) {
      throw new PermanentException(
          "channel " + m.channelId() + " of media " + mediaId + " does not exist any more",
          null,
          null,
          FailureReason.NOT_FOUND);
    }
    em.clear();
    return new FetchSubject(m, channel);
  }

  /** A fetch attempt failed; the outbox retries it (or gives up, see {@link #unavailable}). */
  @Transactional
  public void attemptFailed(String mediaId, String error, FailureReason reason) {
    media.lock(mediaId).ifPresent(m -> m.attemptFailed(error, reason.name(), clock.instant()));
  }

  /**
   * Writes the checked bytes to the configured store and marks the media stored.
   *
   * @return false when the media was no longer pending (stored by another attempt: nothing done)
   */
  @Transactional
  public boolean stored(
      String mediaId, byte[] bytes, String detectedType, String fileName, String sha256) {
    MediaObject m = media.lock(mediaId).orElseThrow();
    if (m.status() != MediaStatus.PENDING) {
      return false;
    }
    MediaStore store = stores.current();
    String location = store.put(mediaId, bytes);
    Instant now = clock.instant();
    m.stored(
        detectedType,
        fileName,
        bytes.length,
        sha256,
        store.kind(),
        location,
        now,
        now.plus(settings.retention()));
    attachments.ifDue(m);
    return true;
  }

  /** Given up on: the media is unavailable with the reason, and agents learn it on the ticket. */
  @Transactional
  public void unavailable(String mediaId, FailureReason reason, String error) {
    media
        .lock(mediaId)
        .ifPresent(
            m -> {
              m.unavailable(reason.name(), error, clock.instant());
              attachments.ifDue(m);
            });
  }

  /** Before the outbox replays a quarantined fetch: the unavailable media is pending again. */
  @Transactional
  public void replaying(String mediaId) {
    media.lock(mediaId).ifPresent(m -> m.retry(clock.instant()));
  }
}
