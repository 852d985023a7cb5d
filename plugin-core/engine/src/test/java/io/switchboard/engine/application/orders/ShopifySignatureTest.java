package io.switchboard.engine.application.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShopifySignatureTest {
  // Computed independently: printf '%s' BODY | openssl dgst -sha256 -hmac SECRET -binary | base64
  static final String BODY = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}";
  static final String SECRET = "shpss_test_secret";
  static final String EXPECTED = "LnwdZPLBbdjkBwPD/lDL1/rYEGby/GHPtL1aAH6Dxjc=";

  // openssl dgst -sha256 -hmac shpss_saffron_house -binary orders-create.json | base64
  static final String FILE_SECRET = "shpss_saffron_house";
  static final String FILE_EXPECTED = "L3u4HcsjRs7A4bG0B9I/5PDMtaFtvivfHBPq7is0PL0=";

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ShopifySignatureTest.class.getResourceAsStream("/shopify/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  @DisplayName("the signature openssl computed is authentic, and so is the one we compute")
  void knownVector() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(ShopifySignature.isAuthentic(body, EXPECTED, SECRET)).isTrue();
    assertThat(ShopifySignature.sign(body, SECRET)).isEqualTo(EXPECTED);
  }

  @Test
  @DisplayName("a realistic payload file signs as openssl says")
  void payloadFile() throws IOException {
    assertThat(
            ShopifySignature.isAuthentic(
                resource("orders-create.json"), FILE_EXPECTED, FILE_SECRET))
        .isTrue();
  }

  @Test
  @DisplayName("a changed body, another secret, a missing or garbled header are refused")
  void refused() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    byte[] changed = BODY.replace("jon", "jan").getBytes(StandardCharsets.UTF_8);
    assertThat(ShopifySignature.isAuthentic(changed, EXPECTED, SECRET)).isFalse();
    assertThat(ShopifySignature.isAuthentic(body, EXPECTED, "other")).isFalse();
    assertThat(ShopifySignature.isAuthentic(body, null, SECRET)).isFalse();
    assertThat(ShopifySignature.isAuthentic(body, "not base64 ***", SECRET)).isFalse();
    assertThat(ShopifySignature.isAuthentic(body, EXPECTED.substring(0, 20), SECRET)).isFalse();
    assertThat(ShopifySignature.isAuthentic(body, EXPECTED, "")).isFalse();
  }
}
