package io.switchboard.sandbox.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signature: {@code X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(app
 * secret, raw body bytes)>}. The secret is kept out of {@link #toString()}.
 */
public final class WebhookSignature {
  /** The header Meta puts the signature in. */
  public static final String HEADER = "X-Hub-Signature-256";

  private final SecretKeySpec key;

  /** Creates a signer for one app secret. */
  public WebhookSignature(String appSecret) {
    this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The header value for exactly these bytes, e.g. {@code sha256=3f1c...}. */
  public String headerValue(byte[] rawBody) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[secret=<hidden>]";
  }
}
