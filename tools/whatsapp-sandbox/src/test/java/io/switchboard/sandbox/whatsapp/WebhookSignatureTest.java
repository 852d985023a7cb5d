package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Webhook signatures match the contract's X-Hub-Signature-256 vectors")
class WebhookSignatureTest {

  static Stream<JsonObject> vectors() throws Exception {
    try (InputStream in =
            WebhookSignatureTest.class.getResourceAsStream(
                "/contracts/whatsapp-cloud/signatures.json");
        var reader = Json.createReader(in)) {
      List<JsonValue> all = reader.readArray();
      return all.stream().map(JsonValue::asJsonObject);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signatureMatchesTheVectorExactlyWhenItIsValid(JsonObject vector) {
    String computed =
        new WebhookSignature(vector.getString("app_secret"))
            .headerValue(vector.getString("raw_body").getBytes(StandardCharsets.UTF_8));

    assertThat(computed.equals(vector.getString("header_X-Hub-Signature-256")))
        .as(vector.getString("description"))
        .isEqualTo(vector.getBoolean("expected_valid"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void secretIsNotInToString(JsonObject vector) {
    assertThat(new WebhookSignature(vector.getString("app_secret")).toString())
        .doesNotContain(vector.getString("app_secret"));
  }
}
