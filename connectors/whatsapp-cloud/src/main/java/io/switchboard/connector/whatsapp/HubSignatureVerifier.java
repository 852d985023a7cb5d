package io.switchboard.connector.whatsapp;

import io.switchboard.spi.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>} over
 * the body bytes exactly as received, in constant time. The hex digits are compared as the bytes
 * they encode, so the case of the hex letters does not matter (Meta sends lowercase).
 */
final class HubSignatureVerifier {

  static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";
  private static final int SHA256_BYTES = 32;

  private final SecretKeySpec key;

  HubSignatureVerifier(String appSecret) {
    this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** Whether the request carries a valid signature; never throws for bad input. */
  boolean isAuthentic(WebhookRequest request) {
    Optional<byte[]> claimed = request.header(HEADER).flatMap(HubSignatureVerifier::decode);
    return claimed.isPresent() && MessageDigest.isEqual(claimed.get(), hmac(request.body()));
  }

  private static Optional<byte[]> decode(String header) {
    String value = header.trim();
    if (!value.startsWith(PREFIX) || value.length() != PREFIX.length() + 2 * SHA256_BYTES) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().parseHex(value, PREFIX.length(), value.length()));
    } catch (IllegalArgumentException notHex) {
      return Optional.empty();
    }
  }

  private byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }
}
