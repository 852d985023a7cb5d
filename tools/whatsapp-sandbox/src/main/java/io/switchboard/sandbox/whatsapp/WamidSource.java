package io.switchboard.sandbox.whatsapp;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one place message ids come from: unique {@code wamid.} ids shaped like Meta's (base64 after
 * the prefix), e.g. {@code wamid.SBXf3J2k9xw0TqAa1Yc7uLPe}.
 */
public final class WamidSource {
  private final SecureRandom random = new SecureRandom();

  /** A fresh id; 18 random bytes make a collision within a demo run practically impossible. */
  public String next() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return "wamid.SBX" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
