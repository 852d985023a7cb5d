package io.switchboard.sandbox.whatsapp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One media file the sandbox holds under a media id: uploaded by the business or sent by the
 * customer.
 *
 * @param filename the name given at upload, or null
 */
public record StoredMedia(
    String id, MediaKind kind, String mimeType, String filename, byte[] bytes) {

  /** SHA-256 of the bytes, lowercase hex (as in the answer of {@code GET /{media-id}}). */
  public String sha256Hex() {
    return HexFormat.of().formatHex(digest());
  }

  /** SHA-256 of the bytes, base64 (as in Meta's webhook examples). */
  public String sha256Base64() {
    return Base64.getEncoder().encodeToString(digest());
  }

  private byte[] digest() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK always has SHA-256", e);
    }
  }
}
