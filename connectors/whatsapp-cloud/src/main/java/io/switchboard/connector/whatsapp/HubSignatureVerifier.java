package io.switchboard.connector.whatsapp;

import io.switchboard.plugin.support.HmacSha256Signature;
import io.switchboard.spi.WebhookRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>} over
 * the body bytes exactly as received, in constant time ({@link HmacSha256Signature} of the shared
 * plugin support). Meta always sends the {@code sha256=} prefix: a bare hex value is refused.
 *
 * <p>During an app secret rotation two secrets are accepted: the current one and the previous one,
 * because Meta signs with the old secret until the rotation has reached all of its servers. The
 * operator removes the previous secret once webhooks are signed with the new one.
 */
final class HubSignatureVerifier {

  static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";

  private final List<HmacSha256Signature> signatures;

  HubSignatureVerifier(String appSecret) {
    this(appSecret, null);
  }

  /**
   * @param appSecret the app secret Meta shows now
   * @param previousAppSecret the secret before a rotation, or {@code null}
   */
  HubSignatureVerifier(String appSecret, String previousAppSecret) {
    Objects.requireNonNull(appSecret, "appSecret");
    this.signatures =
        previousAppSecret == null || previousAppSecret.isEmpty()
            ? List.of(new HmacSha256Signature(appSecret))
            : List.of(
                new HmacSha256Signature(appSecret), new HmacSha256Signature(previousAppSecret));
  }

  /** Whether the request carries a valid signature with one of the secrets; never throws. */
  boolean isAuthentic(WebhookRequest request) {
    String header =
        request
            .header(HEADER)
            .filter(h -> h.trim().toLowerCase(Locale.ROOT).startsWith(PREFIX))
            .orElse(null);
    if (header == null) {
      return false;
    }
    boolean authentic = false;
    for (HmacSha256Signature signature : signatures) {
      // every secret is tried, so the time taken does not tell which one matched
      authentic |= signature.verify(header, request.body());
    }
    return authentic;
  }
}
