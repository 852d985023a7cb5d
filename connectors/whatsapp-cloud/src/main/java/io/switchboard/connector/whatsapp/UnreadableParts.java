package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.model.UnreadablePartException;
import io.switchboard.spi.channel.UnreadableEvent;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Makes the {@link UnreadableEvent} of one part of a webhook body that cannot be read, keyed {@code
 * unreadable:<entry>:<change>:<kind><index>:<digest>} (the digest of its JSON keeps two different
 * bad parts at the same position apart, and a redelivery gives the same key).
 */
final class UnreadableParts {

  private UnreadableParts() {}

  static UnreadableEvent unreadable(
      String accountId, String position, String reason, JsonValue element) {
    String raw = element == null ? "null" : element.toString();
    return new UnreadableEvent(accountId, position + ":" + digest(raw), reason, raw);
  }

  /** The reason of an unreadable part; for an unexpected exception, its type too. */
  static String why(Exception e) {
    return e instanceof UnreadablePartException ? e.getMessage() : "unexpected shape: " + e;
  }

  /** The first 16 hex digits of SHA-256 of the part's JSON. */
  static String digest(String raw) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
