package io.switchboard.engine.application.media;

import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaRepository;
import io.switchboard.engine.domain.MediaStatus;
import io.switchboard.engine.infrastructure.media.MediaStores;
import io.switchboard.spi.Attachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored files back from the store each one was written to, and deletes them when their
 * retention ends.
 */
@ApplicationScoped
public class MediaFiles {
  @Inject MediaRepository media;
  @Inject MediaStores stores;
  @Inject Clock clock;

  /** A stored file with its metadata; empty when there is no such media or it is not stored. */
  public record StoredFile(MediaObject media, byte[] bytes) {
    /** As an SPI attachment: the bytes, the detected type and the file name. */
    public Attachment attachment() {
      return new Attachment(media.fileName(), media.detectedType(), bytes.length, null, bytes);
    }
  }

  /** The media object (detached). */
  @Transactional
  public Optional<MediaObject> find(String mediaId) {
    return media.find(mediaId);
  }

  @Transactional
  public Optional<StoredFile> stored(String mediaId) {
    return media.find(mediaId).filter(m -> m.status() == MediaStatus.STORED).map(this::read);
  }

  /** The bytes of a stored media object (in the caller's transaction, or a new one). */
  @Transactional
  public StoredFile read(MediaObject m) {
    return new StoredFile(m, stores.of(m.storeKind()).read(m.id(), m.storeLocation()));
  }

  /** Stored files fetched before {@code before}, oldest first. */
  @Transactional
  public List<String> storedBefore(Instant before, int limit) {
    return media.storedBefore(before, limit);
  }

  /**
   * Deletes the bytes of a file fetched before {@code before} and marks it expired.
   *
   * @return false when it is not (or no longer) such a file
   */
  @Transactional
  public boolean expire(String mediaId, Instant before) {
    Optional<MediaObject> found = media.lock(mediaId);
    if (found.isEmpty()
        || found.get().status() != MediaStatus.STORED
        || !found.get().fetchedAt().isBefore(before)) {
      return false;
    }
    MediaObject m = found.get();
    stores.of(m.storeKind()).delete(m.id(), m.storeLocation());
    m.expired(clock.instant());
    return true;
  }
}
