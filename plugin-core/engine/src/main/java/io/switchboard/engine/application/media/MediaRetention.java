package io.switchboard.engine.application.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes the bytes of files fetched longer ago than {@code switchboard.media.retention} (P90D) and
 * marks them {@code EXPIRED}; their metadata (type, name, size, checksum) and their messages stay.
 * One file per transaction, so a failing store never undoes the others.
 */
@ApplicationScoped
public class MediaRetention {
  private static final Logger LOG = Logger.getLogger(MediaRetention.class.getName());
  static final int BATCH = 100;

  @Inject MediaFiles files;
  @Inject MediaSettings settings;
  @Inject Clock clock;

  /**
   * Expires one batch (the schedule repeats it while there is more).
   *
   * @return how many files were deleted
   */
  public int prune() {
    Instant before = clock.instant().minus(settings.retention());
    int expired = 0;
    for (String id : files.storedBefore(before, BATCH)) {
      try {
        if (files.expire(id, before)) {
          expired++;
        }
      } catch (RuntimeException e) {
        LOG.warning("media retention: could not delete media " + id + ": " + e.getMessage());
      }
    }
    if (expired > 0) {
      int n = expired;
      LOG.fine(
          () -> "media retention: deleted the bytes of " + n + " files fetched before " + before);
    }
    return expired;
  }
}
