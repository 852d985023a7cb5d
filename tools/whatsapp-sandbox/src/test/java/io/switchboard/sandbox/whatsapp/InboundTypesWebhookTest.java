package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Every type the customer sends reaches the bridge in the shape of Meta's samples")
class InboundTypesWebhookTest {
  private static final String B64 = Base64.getEncoder().encodeToString(GraphMediaTest.jpeg(600));

  private SandboxHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = SandboxHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private SandboxHarness.Answer send(String fields) {
    SandboxHarness.Answer answer =
        harness.post(
            "/sandbox/api/customer-messages",
            "{\"from\":\"+1 650 555 1234\",\"name\":\"Sheena Nelson\"," + fields + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /** The last inbound-message webhook (status webhooks of business messages may come between). */
  private JsonObject lastWebhook() {
    var received = harness.bridge.received();
    for (int i = received.size() - 1; i >= 0; i--) {
      if (!received.get(i).body().contains("\"statuses\"")) {
        return SandboxHarness.parse(received.get(i).body());
      }
    }
    throw new AssertionError("no message webhook received");
  }

  private JsonObject lastMessage() {
    return lastWebhook()
        .getJsonArray("entry")
        .getJsonObject(0)
        .getJsonArray("changes")
        .getJsonObject(0)
        .getJsonObject("value")
        .getJsonArray("messages")
        .getJsonObject(0);
  }

  private static Set<String> withoutPrefix(Set<String> shape, String prefix) {
    Set<String> kept = new TreeSet<>(shape);
    kept.removeIf(path -> path.startsWith(prefix));
    return kept;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "image | image/jpeg | ,\"caption\":\"Taj Mahal\" | inbound-image-message.json",
        "video | video/mp4 | ,\"caption\":\"It arrived broken\" | inbound-video-message.json",
        "document | application/pdf | ,\"caption\":\"My invoice\",\"filename\":\"invoice.pdf\""
            + " | inbound-document-message.json",
        "audio | audio/ogg; codecs=opus | ,\"voice\":true | inbound-audio-voice-message.json",
        "sticker | image/webp | '' | inbound-sticker-message.json",
      })
  @DisplayName("a file is stored under a media id and announced like Meta's media message")
  void mediaMessages(String type, String mime, String extra, String sample) {
    String wamid =
        send("\"type\":\""
                + type
                + "\",\"media\":{\"base64\":\""
                + B64
                + "\",\"mimeType\":\""
                + mime
                + "\""
                + extra
                + "}")
            .json()
            .getString("wamid");

    JsonObject webhook = lastWebhook();
    assertThat(JsonShape.of(webhook)).isEqualTo(JsonShape.of(JsonShape.contractSample(sample)));
    JsonObject media = lastMessage().getJsonObject(type);
    String id = media.getString("id");
    assertThat(harness.get("/sandbox/api/media/" + id).status()).isEqualTo(200);
    assertThat(harness.graphGet("/v23.0/" + id).json().getString("mime_type")).isEqualTo(mime);
    assertThat(wamid).startsWith("wamid.");
    if ("audio".equals(type)) {
      assertThat(media.getBoolean("voice")).isTrue();
    }
  }

  @Test
  @DisplayName("location, contacts and order have the shapes of Meta's examples")
  void locationContactsOrder() {
    send(
        "\"type\":\"location\",\"location\":{\"latitude\":37.44,\"longitude\":-122.16,"
            + "\"name\":\"Philz Coffee\",\"address\":\"101 Forest Ave\",\"url\":\"https://philz.example\"}");
    assertThat(JsonShape.of(lastWebhook()))
        .isEqualTo(JsonShape.of(JsonShape.contractSample("inbound-location-message.json")));

    send(
        "\"type\":\"contacts\",\"contacts\":[{\"name\":{\"first_name\":\"Lucía\",\"last_name\":"
            + "\"Gómez\",\"formatted_name\":\"Lucía Gómez\"},\"org\":{\"company\":\"Google\"},"
            + "\"phones\":[{\"phone\":\"+1 (983) 555-2319\",\"wa_id\":\"19835552319\",\"type\":\"MOBILE\"}]}]");
    assertThat(JsonShape.of(lastWebhook()))
        .isEqualTo(JsonShape.of(JsonShape.contractSample("inbound-contact-sharing-message.json")));

    send(
        "\"type\":\"order\",\"order\":{\"items\":[{\"productRetailerId\":\"di9ozbzfi4\","
            + "\"quantity\":2},{\"productRetailerId\":\"nqryix03ez\",\"quantity\":1}]}");
    assertThat(JsonShape.of(lastWebhook()))
        .isEqualTo(JsonShape.of(JsonShape.contractSample("inbound-order-message.json")));
    JsonObject order = lastMessage().getJsonObject("order");
    assertThat(
            order
                .getJsonArray("product_items")
                .getJsonObject(0)
                .getJsonNumber("item_price")
                .intValue())
        .isEqualTo(30);
    assertThat(order.getString("catalog_id")).isEqualTo(DemoCatalog.CATALOG_ID);
  }

  @Test
  @DisplayName(
      "a reaction to a business message names it, shows on it, and an empty emoji removes it")
  void reactionToABusinessMessage() {
    String business =
        harness
            .graphSend(
                "{\"messaging_product\":\"whatsapp\",\"to\":\"16505551234\","
                    + "\"text\":{\"body\":\"Your order shipped\"}}")
            .json()
            .getJsonArray("messages")
            .getJsonObject(0)
            .getString("id");

    send(
        "\"type\":\"reaction\",\"reaction\":{\"messageId\":\"" + business + "\",\"emoji\":\"👍\"}");

    assertThat(JsonShape.of(lastWebhook()))
        .isEqualTo(JsonShape.of(JsonShape.contractSample("inbound-reaction-message.json")));
    JsonObject reaction = lastMessage().getJsonObject("reaction");
    assertThat(reaction.getString("message_id")).isEqualTo(business);
    assertThat(reaction.getString("emoji")).isEqualTo("👍");
    assertThat(messageJson(business).getJsonObject("reactions").getString("customer"))
        .isEqualTo("👍");

    send("\"type\":\"reaction\",\"reaction\":{\"messageId\":\"" + business + "\",\"emoji\":\"\"}");
    assertThat(messageJson(business).getJsonObject("reactions").containsKey("customer")).isFalse();
  }

  @Test
  @DisplayName("a reply quoting a business message carries context.from and context.id")
  void replyCarriesContext() {
    String business =
        harness
            .graphSend(
                "{\"messaging_product\":\"whatsapp\",\"to\":\"16505551234\","
                    + "\"text\":{\"body\":\"Still available\"}}")
            .json()
            .getJsonArray("messages")
            .getJsonObject(0)
            .getString("id");

    send("\"text\":\"Is this still available?\",\"replyTo\":\"" + business + "\"");

    Set<String> expected =
        withoutPrefix(
            JsonShape.of(
                JsonShape.contractSample("inbound-text-message-with-context-product-inquiry.json")),
            "entry[].changes[].value.messages[].context.referred_product");
    assertThat(JsonShape.of(lastWebhook())).isEqualTo(expected);
    JsonObject context = lastMessage().getJsonObject("context");
    assertThat(context.getString("id")).isEqualTo(business);
    assertThat(context.getString("from")).isEqualTo("15550783881");
  }

  @Test
  @DisplayName("a message from a click-to-WhatsApp ad carries Meta's referral object")
  void adReferral() {
    send(
        "\"text\":\"Hello! Can I get more info on this?\",\"adReferral\":{\"headline\":\"Spring\"}");

    assertThat(JsonShape.of(lastWebhook()))
        .isEqualTo(
            JsonShape.of(
                JsonShape.contractSample("inbound-text-message-from-click-to-whatsapp-ad.json")));
    assertThat(lastMessage().getJsonObject("referral").getString("headline")).isEqualTo("Spring");
  }

  @Test
  @DisplayName("a message from the business app is sent as an smb_message_echoes webhook")
  void businessAppEcho() {
    SandboxHarness.Answer answer =
        harness.post(
            "/sandbox/api/business-app-messages",
            "{\"to\":\"+1 650 555 1234\",\"text\":\"Sent from the app\"}");

    assertThat(answer.status()).isEqualTo(200);
    JsonObject change =
        lastWebhook()
            .getJsonArray("entry")
            .getJsonObject(0)
            .getJsonArray("changes")
            .getJsonObject(0);
    assertThat(change.getString("field")).isEqualTo("smb_message_echoes");
    JsonObject echo = change.getJsonObject("value").getJsonArray("message_echoes").getJsonObject(0);
    assertThat(echo.getString("from")).isEqualTo("15550783881");
    assertThat(echo.getString("to")).isEqualTo("16505551234");
    assertThat(echo.getString("id")).isEqualTo(answer.json().getString("wamid"));
    assertThat(echo.getString("type")).isEqualTo("text");
    assertThat(echo.getJsonObject("text").getString("body")).isEqualTo("Sent from the app");
    assertThat(messageJson(answer.json().getString("wamid")).getString("origin"))
        .isEqualTo("business-app");
  }

  @Test
  @DisplayName("invalid customer media is refused: wrong type for the kind, or over Meta's size")
  void invalidCustomerMedia() {
    SandboxHarness.Answer wrongKind =
        harness.post(
            "/sandbox/api/customer-messages",
            "{\"from\":\"+16505551234\",\"type\":\"image\",\"media\":{\"base64\":\""
                + B64
                + "\",\"mimeType\":\"application/pdf\"}}");
    SandboxHarness.Answer unknownTarget =
        harness.post(
            "/sandbox/api/customer-messages",
            "{\"from\":\"+16505551234\",\"type\":\"reaction\",\"reaction\":{\"messageId\":\"wamid.X\","
                + "\"emoji\":\"x\"}}");

    assertThat(wrongKind.status()).isEqualTo(400);
    assertThat(wrongKind.json().getString("error")).contains("application/pdf");
    assertThat(unknownTarget.status()).isEqualTo(400);
    assertThat(harness.bridge.received()).isEmpty();
  }

  private JsonObject messageJson(String wamid) {
    return harness
        .get("/sandbox/api/conversation?phone=16505551234")
        .json()
        .getJsonArray("messages")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(m -> m.getString("wamid").equals(wamid))
        .findFirst()
        .orElseThrow();
  }
}
