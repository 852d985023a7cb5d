package io.switchboard.connector.whatsapp;

import io.switchboard.plugin.support.HmacSha256Signature;
import io.switchboard.spi.WebhookRequest;
import java.util.Locale;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>} over
 * the body bytes exactly as received, in constant time ({@link HmacSha256Signature} of the shared
 * plugin support). Meta always sends the {@code sha256=} prefix: a bare hex value is refused.
 */
final class HubSignatureVerifier {

  static final String HEADER = "X-Hub-Signature-256";
  private static final String PREFIX = "sha256=";

  private final HmacSha256Signature signature;

  HubSignatureVerifier(String appSecret) {
    this.signature = new HmacSha256Signature(appSecret);
  }

  /** Whether the request carries a valid signature; never throws for bad input. */
  boolean isAuthentic(WebhookRequest request) {
    return request
        .header(HEADER)
        .filter(h -> h.trim().toLowerCase(Locale.ROOT).startsWith(PREFIX))
        .map(h -> signature.verify(h, request.body()))
        .orElse(false);
  }
}
