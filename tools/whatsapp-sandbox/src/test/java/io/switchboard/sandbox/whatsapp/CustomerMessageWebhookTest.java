package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sandbox.whatsapp.BridgeStandIn.ReceivedWebhook;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A message the customer types reaches the bridge as Meta's signed webhook")
class CustomerMessageWebhookTest {
  private SandboxHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = SandboxHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private SandboxHarness.Answer type(String from, String name, String text) {
    String body = "{\"from\":\"" + from + "\",\"name\":\"" + name + "\",\"text\":\"" + text + "\"}";
    return harness.post("/sandbox/api/customer-messages", body);
  }

  @Test
  @DisplayName("the webhook is signed with the app secret over its exact bytes")
  void webhookSignatureVerifiesWithTheAppSecret() {
    SandboxHarness.Answer answer = type("+1 555 0100 123", "Demo Customer", "Hello");

    assertThat(answer.status()).isEqualTo(200);
    List<ReceivedWebhook> received = harness.bridge.received();
    assertThat(received).hasSize(1);
    assertThat(received.get(0).signature()).matches("sha256=[0-9a-f]{64}");
    assertThat(received.get(0).signedWith(SandboxHarness.APP_SECRET)).isTrue();
    assertThat(received.get(0).signedWith("another-secret")).isFalse();
    assertThat(received.get(0).contentType()).startsWith("application/json");
  }

  @Test
  @DisplayName("the webhook has the shape of Meta's inbound text message, with the typed values")
  void webhookHasTheShapeOfMetasInboundTextMessage() {
    long before = Instant.now().getEpochSecond();
    String wamid =
        type("+1 555 0100 123", "Zoë Customer", "Is my order on its way?")
            .json()
            .getString("wamid");

    JsonObject webhook = SandboxHarness.parse(harness.bridge.received().get(0).body());
    assertThat(JsonShape.of(webhook))
        .isEqualTo(JsonShape.of(JsonShape.contractSample("inbound-text-message.json")));
    assertThat(webhook.getString("object")).isEqualTo("whatsapp_business_account");
    JsonObject change =
        webhook.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0);
    assertThat(change.getString("field")).isEqualTo("messages");
    JsonObject value = change.getJsonObject("value");
    assertThat(value.getJsonObject("metadata").getString("phone_number_id"))
        .isEqualTo(SandboxHarness.PHONE_NUMBER_ID);
    JsonObject contact = value.getJsonArray("contacts").getJsonObject(0);
    assertThat(contact.getJsonObject("profile").getString("name")).isEqualTo("Zoë Customer");
    assertThat(contact.getString("wa_id")).isEqualTo("15550100123");
    JsonObject message = value.getJsonArray("messages").getJsonObject(0);
    assertThat(message.getString("from")).isEqualTo("15550100123");
    assertThat(message.getString("id")).isEqualTo(wamid).startsWith("wamid.");
    assertThat(message.getString("type")).isEqualTo("text");
    assertThat(message.getJsonObject("text").getString("body"))
        .isEqualTo("Is my order on its way?");
    assertThat(Long.parseLong(message.getString("timestamp")))
        .isBetween(before, Instant.now().getEpochSecond());
  }

  @Test
  @DisplayName("non-ASCII text is sent as \\u escapes, like Meta, and still verifies")
  void nonAsciiIsEscapedLikeMeta() {
    type("+15550100123", "Zoë", "مرحبا");

    ReceivedWebhook webhook = harness.bridge.received().get(0);
    assertThat(webhook.body())
        .contains("Zo\\u00eb")
        .contains("\\u0645\\u0631\\u062d\\u0628\\u0627");
    assertThat(webhook.signedWith(SandboxHarness.APP_SECRET)).isTrue();
  }

  @Test
  @DisplayName("every message gets its own wamid")
  void everyMessageGetsItsOwnWamid() {
    String first = type("+15550100123", "A", "one").json().getString("wamid");
    String second = type("+15550100123", "A", "two").json().getString("wamid");

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  @DisplayName("the API answers with the wamid and the bridge's 200, and the message is delivered")
  void answerCarriesWamidAndBridgeStatus() {
    JsonObject answer = type("+15550100123", "A", "hi").json();

    assertThat(answer.getBoolean("accepted")).isTrue();
    assertThat(answer.getInt("bridgeHttpStatus")).isEqualTo(200);
    assertThat(answer.getInt("attempts")).isEqualTo(1);
    JsonObject stored =
        harness
            .get("/sandbox/api/conversation?phone=%2B15550100123")
            .json()
            .getJsonArray("messages")
            .getJsonObject(0);
    assertThat(stored.getString("wamid")).isEqualTo(answer.getString("wamid"));
    assertThat(stored.getString("direction")).isEqualTo("customer");
    assertThat(stored.getString("status")).isEqualTo("delivered");
  }

  @Test
  @DisplayName("a failing bridge is retried and the same signed bytes are sent again")
  void failingBridgeIsRetried() {
    harness.bridge.answerNext(503, 500);

    SandboxHarness.Answer answer = type("+15550100123", "A", "hi");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getInt("attempts")).isEqualTo(3);
    List<ReceivedWebhook> received = harness.bridge.received();
    assertThat(received).extracting(ReceivedWebhook::answeredWith).containsExactly(503, 500, 200);
    assertThat(received).extracting(ReceivedWebhook::body).containsOnly(received.get(0).body());
    assertThat(received).allMatch(w -> w.signedWith(SandboxHarness.APP_SECRET));
  }

  @Test
  @DisplayName("a bridge that never answers 200 is reported as a failure with the reason")
  void bridgeThatNeverAcceptsIsReportedAsFailure() {
    harness.bridge.answerNext(401, 401, 401);

    SandboxHarness.Answer answer = type("+15550100123", "A", "hi");

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.json().getBoolean("accepted")).isFalse();
    assertThat(answer.json().getInt("bridgeHttpStatus")).isEqualTo(401);
    assertThat(answer.json().getInt("attempts")).isEqualTo(3);
    assertThat(answer.json().getString("error")).contains("HTTP 401");
    JsonObject stored =
        harness
            .get("/sandbox/api/conversation?phone=15550100123")
            .json()
            .getJsonArray("messages")
            .getJsonObject(0);
    assertThat(stored.getString("status")).isEqualTo("failed");
    assertThat(stored.getBoolean("webhookFailed")).isTrue();
    assertThat(stored.getString("webhookNote")).contains("after 3 attempts");
  }

  @Test
  @DisplayName("a bridge that is down is reported as unreachable")
  void bridgeThatIsDownIsReportedUnreachable() {
    harness.bridge.close();

    SandboxHarness.Answer answer = type("+15550100123", "A", "hi");

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.json().isNull("bridgeHttpStatus")).isTrue();
    assertThat(answer.json().getString("error")).contains("connection refused");
  }

  @Test
  @DisplayName("a message without text or with a bad phone number is refused with a clear error")
  void invalidCustomerMessagesAreRefused() {
    SandboxHarness.Answer noText =
        harness.post("/sandbox/api/customer-messages", "{\"from\":\"+15550100123\"}");
    SandboxHarness.Answer badPhone =
        harness.post("/sandbox/api/customer-messages", "{\"from\":\"call me\",\"text\":\"x\"}");
    SandboxHarness.Answer notJson = harness.post("/sandbox/api/customer-messages", "{from:");

    assertThat(noText.status()).isEqualTo(400);
    assertThat(noText.json().getString("error")).contains("'text' is required");
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(badPhone.json().getString("error")).contains("international format");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().getString("error")).contains("JSON object");
    assertThat(harness.bridge.received()).isEmpty();
  }
}
