package io.switchboard.connector.whatsapp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The SHA-256 WhatsApp gives for a media file. Meta writes it in base64 in webhooks and in hex in
 * the media endpoint's answer; both are read. A value that is neither cannot be checked.
 */
final class MediaChecksum {

  private MediaChecksum() {}

  /** The 32 bytes a claimed checksum stands for, or empty when it is not a SHA-256 at all. */
  static Optional<byte[]> decode(String claimed) {
    if (claimed == null) {
      return Optional.empty();
    }
    String value = claimed.trim();
    if (value.matches("[0-9a-fA-F]{64}")) {
      return Optional.of(HexFormat.of().parseHex(value));
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(value);
      return bytes.length == 32 ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /** A new SHA-256 digest. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
