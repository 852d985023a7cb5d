package io.switchboard.plugin.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 of a webhook's raw body with a shared secret, as senders put it in a header:
 * {@code sha256=<hex>} (Meta's {@code X-Hub-Signature-256}, RT's {@code X-RT-Signature}) or the
 * bare hex. Verification compares the decoded bytes in constant time, so neither the position of
 * the first wrong byte nor the case of the hex letters shows.
 *
 * <pre>{@code
 * HmacSha256Signature signature = new HmacSha256Signature(webhookSecret);
 * boolean authentic = request.header("X-RT-Signature")
 *     .map(header -> signature.verify(header, request.body()))
 *     .orElse(false);
 * }</pre>
 */
public final class HmacSha256Signature {
  private static final String ALGORITHM = "HmacSHA256";
  private static final String PREFIX = "sha256=";
  private static final int HEX_LENGTH = 64;

  private final SecretKeySpec key;

  /**
   * @param secret the shared secret (UTF-8 bytes are the key); must not be empty
   */
  public HmacSha256Signature(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("an HMAC secret must not be empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The HMAC-SHA256 of the body. */
  public byte[] of(byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /** The header value a sender would send: {@code sha256=<lowercase hex>}. */
  public String headerValue(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(of(body));
  }

  /**
   * Whether a header value ({@code sha256=<hex>} or bare hex, any case) is the HMAC of the body.
   * Never throws for bad input: {@code null}, other algorithms and garbled hex are just false.
   */
  public boolean verify(String header, byte[] body) {
    if (header == null || body == null) {
      return false;
    }
    String value = header.trim();
    if (value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      value = value.substring(PREFIX.length());
    }
    if (value.length() != HEX_LENGTH) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(value);
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(claimed, of(body));
  }

  @Override
  public String toString() {
    return "HmacSha256Signature[secret hidden]";
  }
}
