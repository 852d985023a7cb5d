package io.switchboard.engine.application.orders;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify's webhook signature: {@code X-Shopify-Hmac-Sha256} is the Base64 HMAC-SHA256 of the raw
 * body with the shop's webhook secret. Compared in constant time, before anything else is read.
 */
public final class ShopifySignature {
  public static final String HEADER = "X-Shopify-Hmac-Sha256";

  private ShopifySignature() {}

  /** Whether {@code header} is the signature of {@code body} with {@code secret}. */
  public static boolean isAuthentic(byte[] body, String header, String secret) {
    if (header == null || header.isBlank() || secret == null || secret.isEmpty()) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, hmac(body, secret));
  }

  /** The Base64 signature of a body (for tests and tools that play Shopify). */
  public static String sign(byte[] body, String secret) {
    return Base64.getEncoder().encodeToString(hmac(body, secret));
  }

  private static byte[] hmac(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
