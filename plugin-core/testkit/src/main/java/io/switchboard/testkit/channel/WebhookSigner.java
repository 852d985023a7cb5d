package io.switchboard.testkit.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the way Meta does (WhatsApp, Messenger, Instagram): header {@code
 * X-Hub-Signature-256: sha256=<lowercase hex HMAC-SHA256(app secret, raw body)>}.
 *
 * <pre>{@code
 * Map<String, List<String>> headers = WebhookSigner.headersFor("test-app-secret", body);
 * connector.isAuthentic(WebhookRequest.of(body, headers, Map.of()));
 * }</pre>
 */
public final class WebhookSigner {

  /** The header Meta puts the signature in. */
  public static final String HEADER = "X-Hub-Signature-256";

  private WebhookSigner() {}

  /** The header value, {@code sha256=<hex>}, for a raw body signed with an app secret. */
  public static String hubSignature256(String appSecret, byte[] rawBody) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /** {@link #hubSignature256(String, byte[])} of a UTF-8 string body. */
  public static String hubSignature256(String appSecret, String rawBody) {
    return hubSignature256(appSecret, rawBody.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Request headers as Meta sends them with a signed POST. */
  public static Map<String, List<String>> headersFor(String appSecret, byte[] rawBody) {
    return Map.of(
        HEADER,
        List.of(hubSignature256(appSecret, rawBody)),
        "Content-Type",
        List.of("application/json"));
  }
}
