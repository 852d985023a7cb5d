package io.switchboard.engine.interfaces.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin bearer token ({@code switchboard.admin.token}) and the check of an {@code
 * Authorization} header against it. Both sides are hashed before a constant-time comparison, so
 * neither the token's content nor its length shows in the answer time.
 */
final class AdminToken {
  /** What a request's credentials amount to. */
  enum Verdict {
    /** No token configured: the admin API is off. */
    DISABLED,
    ACCEPTED,
    REFUSED
  }

  private static final String SCHEME = "bearer ";
  private final byte[] expectedDigest;

  AdminToken(Optional<String> configured) {
    this.expectedDigest = configured.filter(t -> !t.isBlank()).map(AdminToken::sha256).orElse(null);
  }

  Verdict check(String authorizationHeader) {
    if (expectedDigest == null) {
      return Verdict.DISABLED;
    }
    if (authorizationHeader == null
        || authorizationHeader.length() < SCHEME.length()
        || !authorizationHeader
            .substring(0, SCHEME.length())
            .toLowerCase(Locale.ROOT)
            .equals(SCHEME)) {
      return Verdict.REFUSED;
    }
    byte[] given = sha256(authorizationHeader.substring(SCHEME.length()).strip());
    return MessageDigest.isEqual(given, expectedDigest) ? Verdict.ACCEPTED : Verdict.REFUSED;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
