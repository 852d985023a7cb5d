package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.sandbox.whatsapp.BridgeStandIn.ReceivedWebhook;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The Graph API send endpoint answers like Meta and reports statuses by webhook")
class GraphApiEndpointTest {
  private static final String TEXT_TO_CUSTOMER =
      "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
          + "\"to\":\"+1 555 0100 123\",\"type\":\"text\","
          + "\"text\":{\"preview_url\":false,\"body\":\"Hello from the helpdesk\"}}";

  private SandboxHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = SandboxHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("a text send with the right token gets 200 with Meta's answer and a new wamid")
  void textSendWithRightTokenGetsMetasAnswer() {
    SandboxHarness.Answer answer = harness.graphSend(TEXT_TO_CUSTOMER);

    assertThat(answer.status()).isEqualTo(200);
    JsonObject json = answer.json();
    assertThat(json.getString("messaging_product")).isEqualTo("whatsapp");
    JsonObject contact = json.getJsonArray("contacts").getJsonObject(0);
    assertThat(contact.getString("input")).isEqualTo("+1 555 0100 123");
    assertThat(contact.getString("wa_id")).isEqualTo("15550100123");
    assertThat(json.getJsonArray("messages").getJsonObject(0).getString("id")).startsWith("wamid.");
    JsonObject shown =
        harness
            .get("/sandbox/api/conversation?phone=15550100123")
            .json()
            .getJsonArray("messages")
            .getJsonObject(0);
    assertThat(shown.getString("direction")).isEqualTo("business");
    assertThat(shown.getString("text")).isEqualTo("Hello from the helpdesk");
  }

  @Test
  @DisplayName("any Graph version prefix is accepted")
  void anyGraphVersionIsAccepted() {
    SandboxHarness.Answer answer =
        harness.post(
            "/v19.0/" + SandboxHarness.PHONE_NUMBER_ID + "/messages",
            TEXT_TO_CUSTOMER,
            "Authorization",
            "Bearer " + SandboxHarness.ACCESS_TOKEN);

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a send is followed by signed sent, delivered and read webhooks, in that order")
  void sendIsFollowedBySignedStatusWebhooksInOrder() {
    String wamid =
        harness
            .graphSend(TEXT_TO_CUSTOMER)
            .json()
            .getJsonArray("messages")
            .getJsonObject(0)
            .getString("id");

    await().atMost(Duration.ofSeconds(10)).until(() -> harness.bridge.received().size() >= 3);
    List<ReceivedWebhook> received = harness.bridge.received();
    assertThat(received).hasSize(3);
    assertThat(received).allMatch(w -> w.signedWith(SandboxHarness.APP_SECRET));
    List<String> kinds = List.of("sent", "delivered", "read");
    for (int i = 0; i < 3; i++) {
      JsonObject webhook = SandboxHarness.parse(received.get(i).body());
      assertThat(JsonShape.of(webhook))
          .isEqualTo(JsonShape.of(JsonShape.contractSample("status-" + kinds.get(i) + ".json")));
      JsonObject status =
          webhook
              .getJsonArray("entry")
              .getJsonObject(0)
              .getJsonArray("changes")
              .getJsonObject(0)
              .getJsonObject("value")
              .getJsonArray("statuses")
              .getJsonObject(0);
      assertThat(status.getString("id")).isEqualTo(wamid);
      assertThat(status.getString("status")).isEqualTo(kinds.get(i));
      assertThat(status.getString("recipient_id")).isEqualTo("15550100123");
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        harness
                            .get("/sandbox/api/conversation?phone=15550100123")
                            .json()
                            .getJsonArray("messages")
                            .getJsonObject(0)
                            .getString("status"))
                    .isEqualTo("read"));
  }

  @Test
  @DisplayName("in page mode, read is reported only once the phone page showed the chat")
  void pageModeReportsReadOnlyWhenThePageShowedTheChat() throws Exception {
    harness.close();
    harness = SandboxHarness.start("--read-receipts=page");
    harness.graphSend(TEXT_TO_CUSTOMER);
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.bridge.received().size() >= 2);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> harness.bridge.received().size() == 2);

    SandboxHarness.Answer seen =
        harness.post("/sandbox/api/read-receipts", "{\"phone\":\"+1 555 0100 123\"}");

    assertThat(seen.json().getInt("markedRead")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.bridge.received().size() == 3);
    assertThat(harness.bridge.received().get(2).body()).contains("\"status\":\"read\"");
  }

  @Test
  @DisplayName("a wrong token gets 401 with Meta's OAuthException error, code 190")
  void wrongTokenGets401() {
    SandboxHarness.Answer answer =
        harness.post(
            "/v23.0/" + SandboxHarness.PHONE_NUMBER_ID + "/messages",
            TEXT_TO_CUSTOMER,
            "Authorization",
            "Bearer not-the-token");

    assertThat(answer.status()).isEqualTo(401);
    JsonObject error = answer.json().getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("OAuthException");
    assertThat(error.getInt("code")).isEqualTo(190);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getString("fbtrace_id")).isNotBlank();
    assertThat(
            harness
                .get("/sandbox/api/conversation?phone=15550100123")
                .json()
                .getJsonArray("messages"))
        .isEmpty();
  }

  @Test
  @DisplayName("a missing token gets 401 too")
  void missingTokenGets401() {
    SandboxHarness.Answer answer =
        harness.post("/v23.0/" + SandboxHarness.PHONE_NUMBER_ID + "/messages", TEXT_TO_CUSTOMER);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().getJsonObject("error").getInt("code")).isEqualTo(190);
    assertThat(answer.response().headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no to | {\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}"
            + " | 'to'",
        "no text body | {\"messaging_product\":\"whatsapp\",\"to\":\"15550100123\",\"type\":"
            + "\"text\",\"text\":{}} | text['body']",
        "body not a string | {\"messaging_product\":\"whatsapp\",\"to\":\"15550100123\","
            + "\"text\":{\"body\":42}} | text['body']",
        "wrong product | {\"messaging_product\":\"sms\",\"to\":\"15550100123\","
            + "\"text\":{\"body\":\"x\"}} | messaging_product",
        "product list | {\"messaging_product\":\"whatsapp\",\"to\":\"15550100123\",\"type\":"
            + "\"interactive\",\"interactive\":{\"type\":\"product_list\",\"action\":{}}}"
            + " | NOT_IMPLEMENTED",
        "group recipient | {\"messaging_product\":\"whatsapp\",\"recipient_type\":\"group\","
            + "\"to\":\"15550100123\",\"text\":{\"body\":\"x\"}} | not implemented",
        "not JSON | {\"messaging_product\": | not a JSON object",
        "mark read of unknown message | {\"messaging_product\":\"whatsapp\",\"status\":\"read\","
            + "\"message_id\":\"wamid.UNKNOWN\"} | wamid.UNKNOWN",
      })
  @DisplayName("an invalid body gets 400 with Meta's error, code 100, saying what is wrong")
  void invalidBodyGets400(String description, String body, String detail) {
    SandboxHarness.Answer answer = harness.graphSend(body);

    assertThat(answer.status()).isEqualTo(400);
    JsonObject error = answer.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(100);
    assertThat(error.getString("type")).isEqualTo("OAuthException");
    assertThat(error.getJsonObject("error_data").getString("details")).contains(detail);
    assertThat(harness.bridge.received()).isEmpty();
  }

  @Test
  @DisplayName("another phone number id in the path gets 400 naming the unknown object")
  void unknownPhoneNumberIdGets400() {
    SandboxHarness.Answer answer =
        harness.post(
            "/v23.0/999/messages",
            TEXT_TO_CUSTOMER,
            "Authorization",
            "Bearer " + SandboxHarness.ACCESS_TOKEN);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getJsonObject("error").getString("message")).contains("'999'");
  }

  @Test
  @DisplayName("marking a customer message read answers success and shows it read")
  void markAsReadAnswersSuccess() {
    String wamid =
        harness
            .post(
                "/sandbox/api/customer-messages",
                "{\"from\":\"+15550100123\",\"name\":\"A\",\"text\":\"hi\"}")
            .json()
            .getString("wamid");

    SandboxHarness.Answer answer =
        harness.graphSend(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\""
                + wamid
                + "\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getBoolean("success")).isTrue();
    assertThat(
            harness
                .get("/sandbox/api/conversation?phone=15550100123")
                .json()
                .getJsonArray("messages")
                .getJsonObject(0)
                .getString("status"))
        .isEqualTo("read");
  }

  @Test
  @DisplayName("status webhooks the bridge refuses are retried, then noted as failed")
  void refusedStatusWebhooksAreNoted() {
    harness.bridge.answerNext(500, 500, 500);

    harness.graphSend(TEXT_TO_CUSTOMER);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonObject message =
                  harness
                      .get("/sandbox/api/conversation?phone=15550100123")
                      .json()
                      .getJsonArray("messages")
                      .getJsonObject(0);
              assertThat(message.getString("status")).isEqualTo("read");
              assertThat(harness.bridge.received()).hasSize(5);
            });
    assertThat(harness.bridge.received())
        .extracting(
            w ->
                SandboxHarness.parse(w.body())
                    .getJsonArray("entry")
                    .getJsonObject(0)
                    .getJsonArray("changes")
                    .getJsonObject(0)
                    .getJsonObject("value")
                    .getJsonArray("statuses")
                    .getJsonObject(0)
                    .getString("status"))
        .containsExactly("sent", "sent", "sent", "delivered", "read");
  }
}
