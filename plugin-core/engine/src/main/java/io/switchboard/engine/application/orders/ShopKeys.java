package io.switchboard.engine.application.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Shops' API keys: 32 random bytes ({@code sbk_} + Base64url), of which only the SHA-256 is kept. A
 * request's key is hashed and compared with the stored hash in constant time.
 */
final class ShopKeys {
  private static final String PREFIX = "sbk_";
  private static final String SCHEME = "bearer ";
  private final SecureRandom random = new SecureRandom();

  String newKey() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether an {@code Authorization: Bearer <key>} header carries the key of this hash. */
  static boolean matches(String authorizationHeader, String storedHash) {
    if (authorizationHeader == null
        || storedHash == null
        || authorizationHeader.length() <= SCHEME.length()
        || !authorizationHeader
            .substring(0, SCHEME.length())
            .toLowerCase(Locale.ROOT)
            .equals(SCHEME)) {
      return false;
    }
    String given = hash(authorizationHeader.substring(SCHEME.length()).strip());
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
