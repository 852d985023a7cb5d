package io.switchboard.plugin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HmacSha256SignatureTest {
  private final HmacSha256Signature signature = new HmacSha256Signature("key");
  private final byte[] body =
      "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

  /** RFC 4231-style known vector (Wikipedia's HMAC_SHA256("key", "The quick brown fox ...")). */
  private static final String KNOWN =
      "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

  @Test
  @DisplayName("computes the known HMAC-SHA256 and its sha256= header value")
  void knownVector() {
    assertThat(signature.headerValue(body)).isEqualTo("sha256=" + KNOWN);
  }

  @Test
  @DisplayName("accepts sha256=<hex> and bare hex, in any case")
  void accepts() {
    assertThat(signature.verify("sha256=" + KNOWN, body)).isTrue();
    assertThat(signature.verify(KNOWN, body)).isTrue();
    assertThat(signature.verify(" SHA256=" + KNOWN.toUpperCase(Locale.ROOT) + " ", body)).isTrue();
  }

  @Test
  @DisplayName("refuses other bodies, other keys, other algorithms and garbage, without throwing")
  void refuses() {
    byte[] other = "The quick brown fox jumps over the lazy cat".getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify("sha256=" + KNOWN, other)).isFalse();
    assertThat(new HmacSha256Signature("other").verify("sha256=" + KNOWN, body)).isFalse();
    assertThat(signature.verify("sha1=" + KNOWN, body)).isFalse();
    assertThat(signature.verify("sha256=" + KNOWN.substring(2), body)).isFalse();
    assertThat(signature.verify("sha256=" + KNOWN + "00", body)).isFalse();
    assertThat(signature.verify("sha256=zz" + KNOWN.substring(2), body)).isFalse();
    assertThat(signature.verify("sha256=", body)).isFalse();
    assertThat(signature.verify("", body)).isFalse();
    assertThat(signature.verify(null, body)).isFalse();
    assertThat(signature.verify("sha256=" + KNOWN, null)).isFalse();
  }

  @Test
  @DisplayName("signs the raw bytes: a re-encoded body does not verify")
  void rawBytes() {
    byte[] arabic = "{\"content\":\"شكراً\"}".getBytes(StandardCharsets.UTF_8);
    byte[] escaped =
        "{\"content\":\"\\u0634\\u0643\\u0631\\u0627\\u064b\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(signature.verify(signature.headerValue(arabic), arabic)).isTrue();
    assertThat(signature.verify(signature.headerValue(arabic), escaped)).isFalse();
  }

  @Test
  @DisplayName("an empty secret is refused and the secret never shows in toString")
  void secret() {
    assertThatThrownBy(() -> new HmacSha256Signature(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new HmacSha256Signature("hunter2").toString()).doesNotContain("hunter2");
  }
}
