package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.connector.whatsapp.testing.WhatsAppContractSamples;
import io.switchboard.spi.WebhookRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** X-Hub-Signature-256 verification against the contract's test vectors and odd headers. */
class HubSignatureVectorsTest {

  static List<JsonObject> vectors() {
    try (JsonReader reader =
        Json.createReader(new StringReader(WhatsAppContractSamples.signatureVectorsJson()))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  @DisplayName("each signature vector gives its expected verdict")
  void vectorGivesExpectedVerdict(JsonObject vector) {
    HubSignatureVerifier verifier = new HubSignatureVerifier(vector.getString("app_secret"));
    byte[] body = vector.getString("raw_body").getBytes(StandardCharsets.UTF_8);
    WebhookRequest request =
        WebhookRequest.of(
            body,
            Map.of("x-hub-signature-256", List.of(vector.getString("header_X-Hub-Signature-256"))),
            Map.of());
    assertThat(verifier.isAuthentic(request))
        .as(vector.getString("description"))
        .isEqualTo(vector.getBoolean("expected_valid"));
  }

  @Test
  @DisplayName("there are seven vectors, valid and invalid ones")
  void allSevenVectorsAreUsed() {
    assertThat(vectors()).hasSize(7);
    assertThat(vectors()).extracting(v -> v.getBoolean("expected_valid")).contains(true, false);
  }

  @Test
  @DisplayName("uppercase hex of the right digest is accepted: it encodes the same bytes")
  void uppercaseHexIsAccepted() {
    JsonObject first = vectors().get(0);
    String header = first.getString("header_X-Hub-Signature-256");
    String upper = "sha256=" + header.substring("sha256=".length()).toUpperCase();
    byte[] body = first.getString("raw_body").getBytes(StandardCharsets.UTF_8);
    assertThat(
            new HubSignatureVerifier(first.getString("app_secret"))
                .isAuthentic(
                    WebhookRequest.of(body, Map.of("X-Hub-Signature-256", List.of(upper)), null)))
        .isTrue();
  }

  @Test
  @DisplayName("a truncated or over-long signature is rejected without an exception")
  void wrongLengthIsRejected() {
    JsonObject first = vectors().get(0);
    String header = first.getString("header_X-Hub-Signature-256");
    byte[] body = first.getString("raw_body").getBytes(StandardCharsets.UTF_8);
    HubSignatureVerifier verifier = new HubSignatureVerifier(first.getString("app_secret"));
    for (String bad : List.of(header.substring(0, header.length() - 2), header + "00", "sha256")) {
      assertThat(
              verifier.isAuthentic(
                  WebhookRequest.of(body, Map.of("X-Hub-Signature-256", List.of(bad)), null)))
          .as(bad)
          .isFalse();
    }
  }
}
