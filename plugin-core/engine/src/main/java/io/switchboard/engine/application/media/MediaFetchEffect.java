package io.switchboard.engine.application.media;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaStatus;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * {@code FETCH_MEDIA}: downloads the file of a customer's message through the channel connector,
 * refuses it when it is over {@code switchboard.media.max-bytes} or a program or script (by its
 * content, not its claimed type), and stores it. Retryable failures come back with the outbox's
 * backoff on the media's own ordering key; permanent ones (and giving up) make the media {@code
 * UNAVAILABLE} (see {@link MediaRecords#unavailable}).
 */
@ApplicationScoped
public class MediaFetchEffect {
  private static final Logger LOG = Logger.getLogger(MediaFetchEffect.class.getName());

  @Inject MediaRecords records;
  @Inject PluginRegistry registry;
  @Inject MediaSettings settings;
  @Inject MediaFileNames names;

  private final MediaTypeCheck types = new MediaTypeCheck();

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    MediaRecords.FetchSubject s = records.forFetch(entry.subjectId());
    MediaObject m = s.media();
    if (m.status() != MediaStatus.PENDING) {
      return "already " + m.status();
    }
    try {
      return fetch(s);
    } catch (RetryableException e) {
      records.attemptFailed(m.id(), e.getMessage(), e.reason());
      throw e;
    } catch (PermanentException e) {
      records.attemptFailed(m.id(), e.getMessage(), e.reason());
      throw e;
    }
  }

  private String fetch(MediaRecords.FetchSubject s) throws RetryableException, PermanentException {
    MediaObject m = s.media();
    long max = settings.maxBytes();
    if (m.size() > max) {
      throw tooLarge(m.size(), max); // the channel said so: not even downloaded
    }
    Attachment file = registry.connector(s.channel()).fetchMedia(asChannelMedia(m));
    byte[] bytes = file == null ? null : file.data();
    if (bytes == null) {
      throw new PermanentException(
          "the channel connector returned no bytes for media " + m.reference(),
          null,
          "media:no-bytes",
          FailureReason.MEDIA_PROBLEM);
    }
    if (bytes.length > max) {
      throw tooLarge(bytes.length, max);
    }
    String given = m.fileName() != null ? m.fileName() : file.fileName();
    String detected = types.detect(bytes, given);
    types.refuseDangerous(detected);
    String sha256 = sha256(bytes);
    checkChannelSum(m, bytes, sha256);
    String name = names.of(given, m.kind(), detected, m.createdAt());
    if (!records.stored(m.id(), bytes, detected, name, sha256)) {
      return "already stored by another attempt";
    }
    String claimed = file.contentType() != null ? file.contentType() : m.claimedType();
    return "stored "
        + bytes.length
        + " bytes as "
        + detected
        + (claimed != null && !claimed.startsWith(detected) ? " (claimed " + claimed + ")" : "");
  }

  private static Media asChannelMedia(MediaObject m) {
    return new Media(
        MediaKind.valueOf(m.kind()),
        m.reference(),
        m.link(),
        m.claimedType(),
        null,
        m.fileName(),
        m.size(),
        m.channelSha256());
  }

  private static PermanentException tooLarge(long size, long max) {
    return new PermanentException(
        "the file has " + size + " bytes, more than switchboard.media.max-bytes (" + max + ")",
        null,
        "media:too-large",
        FailureReason.TOO_LARGE);
  }

  // The channel's checksum is kept and compared, hex or Base64; a mismatch is logged, not refused:
  // the formats channels use are not all documented, and our own checksum is what we keep.
  private static void checkChannelSum(MediaObject m, byte[] bytes, String hex) {
    String given = m.channelSha256();
    if (given == null || given.isBlank()) {
      return;
    }
    String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    if (!given.equalsIgnoreCase(hex) && !given.equals(base64)) {
      LOG.warning(
          "media "
              + m.id()
              + ": the channel's sha256 "
              + given
              + " does not match the "
              + bytes.length
              + " bytes received (sha256 "
              + hex
              + "); stored with our checksum");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
