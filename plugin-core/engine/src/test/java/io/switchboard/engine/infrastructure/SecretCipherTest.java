package io.switchboard.engine.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  private static SecretCipher withKey(String key) {
    SecretCipher cipher = new SecretCipher();
    cipher.configuredKey = Optional.ofNullable(key);
    return cipher;
  }

  @Test
  @DisplayName("a secret encrypts to something else and decrypts back")
  void roundTrip() {
    SecretCipher cipher = withKey(KEY);
    String sealed = cipher.encrypt("{\"appSecret\":\"s3cret\"}", "wa-demo");
    assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
    assertThat(cipher.decrypt(sealed, "wa-demo")).isEqualTo("{\"appSecret\":\"s3cret\"}");
  }

  @Test
  @DisplayName("the same secret encrypts differently each time (random IV)")
  void randomIv() {
    SecretCipher cipher = withKey(KEY);
    assertThat(cipher.encrypt("x", "a")).isNotEqualTo(cipher.encrypt("x", "a"));
  }

  @Test
  @DisplayName("a ciphertext copied to another connection does not decrypt")
  void boundToItsRow() {
    SecretCipher cipher = withKey(KEY);
    String sealed = cipher.encrypt("token", "rt");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot decrypt the secrets of other");
  }

  @Test
  @DisplayName("another key cannot decrypt")
  void otherKeyFails() {
    String sealed = withKey(KEY).encrypt("token", "rt");
    SecretCipher other = withKey("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
    assertThatThrownBy(() -> other.decrypt(sealed, "rt"))
        .hasMessageContaining("was switchboard.secrets.key changed?");
  }

  @Test
  @DisplayName("a missing or short key is reported, never silently replaced")
  void keyProblems() {
    assertThat(withKey(null).problem()).get().asString().contains("is not set");
    assertThat(withKey("c2hvcnQ=").problem()).get().asString().contains("must be 32 bytes");
    assertThat(withKey("%%%").problem()).get().asString().contains("not valid Base64");
    assertThat(withKey(KEY).problem()).isEmpty();
    assertThatThrownBy(() -> withKey(null).encrypt("x", "y")).hasMessageContaining("is not set");
  }
}
