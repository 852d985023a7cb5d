package io.switchboard.engine.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts connection secrets at rest with AES-256-GCM (the JDK's own provider: no hand-made
 * crypto). The key comes from MicroProfile Config {@code switchboard.secrets.key} (env {@code
 * SWITCHBOARD_SECRETS_KEY}): 32 random bytes, Base64. The row id is bound as associated data, so a
 * ciphertext copied to another row does not decrypt.
 */
@ApplicationScoped
public class SecretCipher {
  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();

  @Inject
  @ConfigProperty(name = "switchboard.secrets.key")
  Optional<String> configuredKey;

  /** Whether a valid key is configured (readiness reports it). */
  public Optional<String> problem() {
    if (configuredKey.isEmpty() || configuredKey.get().isBlank()) {
      return Optional.of(
          "switchboard.secrets.key is not set (env SWITCHBOARD_SECRETS_KEY: 32 random bytes,"
              + " Base64, e.g. `openssl rand -base64 32`)");
    }
    try {
      key();
      return Optional.empty();
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
  }

  public String encrypt(String plaintext, String boundTo) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt secret: " + e.getMessage(), e);
    }
  }

  public String decrypt(String stored, String boundTo) {
    if (!stored.startsWith(PREFIX)) {
      throw new IllegalStateException("unknown secret format");
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot decrypt the secrets of "
              + boundTo
              + ": was switchboard.secrets.key changed? ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  private SecretKeySpec key() {
    String encoded = configuredKey.orElseThrow(() -> new IllegalStateException(problem().get()));
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("switchboard.secrets.key is not valid Base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "switchboard.secrets.key must be 32 bytes (Base64 of 32 random bytes), got "
              + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
