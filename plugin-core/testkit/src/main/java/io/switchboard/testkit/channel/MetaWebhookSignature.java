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
 * Map<String, List<String>> headers = MetaWebhookSignature.headersFor("test-app-secret", body);
 * connector.isAuthentic(WebhookRequest.of(body, headers, Map.of()));
 * }</pre>
 */
public final class MetaWebhookSignature {

  /** The header Meta puts the signature in. */
  public static final String HEADER = "X-Hub-Signature-256";

  private MetaWebhookSignature() {}

  /** The header value, {@code sha256=<hex>}, for a raw body signed with an app secret. */
  public static String headerValue(String appSecret, byte[] rawBody) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /** Request headers as Meta sends them with a signed POST. */
  public static Map<String, List<String>> headersFor(String appSecret, byte[] rawBody) {
    return Map.of(
        HEADER,
        List.of(headerValue(appSecret, rawBody)),
        "Content-Type",
        List.of("application/json"));
  }
}
