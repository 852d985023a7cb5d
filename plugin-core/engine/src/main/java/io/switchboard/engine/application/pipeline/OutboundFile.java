package io.switchboard.engine.application.pipeline;

import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import java.util.Objects;

/**
 * A file an agent attached in the CRM, on its way to the customer: first only the CRM's reference
 * and what the CRM claims; once its bytes were checked and uploaded, its real type, size and the
 * channel's media id, so that a retried send never uploads it again.
 *
 * @param crmReference the CRM's attachment reference, e.g. {@code rt-attachment:71}
 * @param fileName the file name, or {@code null}
 * @param claimedType the content type the CRM gave, or {@code null}
 * @param kind the media kind found from the bytes, or {@code null} before
 * @param mimeType the content type found from the bytes, or {@code null} before
 * @param size the size in bytes, or {@code -1} before
 * @param mediaId the channel's media id after the upload, or {@code null}
 */
public record OutboundFile(
    String crmReference,
    String fileName,
    String claimedType,
    MediaKind kind,
    String mimeType,
    long size,
    String mediaId) {
  public OutboundFile {
    Objects.requireNonNull(crmReference, "crmReference");
  }

  /** A file known only by its CRM reference. */
  public static OutboundFile fromCrm(String reference, String fileName, String claimedType) {
    return new OutboundFile(reference, fileName, claimedType, null, null, -1, null);
  }

  public boolean uploaded() {
    return mediaId != null;
  }

  /** The same file, uploaded to the channel as {@code mediaId}. */
  public OutboundFile uploadedAs(MediaKind realKind, String realType, long bytes, String id) {
    return new OutboundFile(crmReference, fileName, claimedType, realKind, realType, bytes, id);
  }

  /** What is sent once uploaded: media by reference, with its file name, without caption. */
  public Media asMedia() {
    if (mediaId == null) {
      throw new IllegalStateException("file " + crmReference + " is not uploaded yet");
    }
    Media m = new Media(kind, mediaId, null, mimeType, null, null, size, null);
    return kind == MediaKind.DOCUMENT && fileName != null ? m.withFileName(fileName) : m;
  }

  /** The name agents know the file by. */
  public String label() {
    return fileName != null ? fileName : crmReference;
  }
}
