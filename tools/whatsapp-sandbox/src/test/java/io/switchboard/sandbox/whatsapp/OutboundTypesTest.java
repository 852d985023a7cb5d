package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The business sends every type; invalid sends are refused with Meta's code 100")
class OutboundTypesTest {
  private static final String TO = "\"messaging_product\":\"whatsapp\",\"to\":\"15550100123\",";

  private SandboxHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = SandboxHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private String sent(String json) {
    SandboxHarness.Answer answer = harness.graphSend("{" + TO + json + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().getJsonArray("messages").getJsonObject(0).getString("id");
  }

  private JsonObject shown(String wamid) {
    return harness
        .get("/sandbox/api/conversation?phone=15550100123")
        .json()
        .getJsonArray("messages")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(m -> m.getString("wamid").equals(wamid))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("media by uploaded id and by link, location, contacts and interactive are accepted")
  void everyTypeIsAccepted() {
    String mediaId =
        harness.upload(GraphMediaTest.JPEG, "p.jpg", "image/jpeg").json().getString("id");
    String pdfId = harness.upload(new byte[100], "i.pdf", "application/pdf").json().getString("id");

    String image =
        sent("\"type\":\"image\",\"image\":{\"id\":\"" + mediaId + "\",\"caption\":\"Look\"}");
    String link = sent("\"type\":\"video\",\"video\":{\"link\":\"https://example.com/v.mp4\"}");
    String document =
        sent(
            "\"type\":\"document\",\"document\":{\"id\":\""
                + pdfId
                + "\",\"filename\":\"invoice.pdf\"}");
    sent("\"type\":\"audio\",\"audio\":{\"link\":\"https://example.com/a.ogg\"}");
    sent("\"type\":\"sticker\",\"sticker\":{\"link\":\"https://example.com/s.webp\"}");
    String location =
        sent(
            "\"type\":\"location\",\"location\":{\"latitude\":52.52,"
                + "\"longitude\":13.40,\"name\":\"Shop\",\"address\":\"Main St 1\"}");
    String contacts =
        sent(
            "\"type\":\"contacts\",\"contacts\":[{\"name\":{\"formatted_name\":"
                + "\"Help Desk\",\"first_name\":\"Help\"},\"phones\":[{\"phone\":\"+15550100999\"}]}]");
    String buttons =
        sent(
            "\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":"
                + "{\"text\":\"Solved?\"},\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":"
                + "\"y\",\"title\":\"Yes\"}},{\"type\":\"reply\",\"reply\":{\"id\":\"n\",\"title\":\"No\"}}]}}");
    String list =
        sent(
            "\"type\":\"interactive\",\"interactive\":{\"type\":\"list\",\"body\":"
                + "{\"text\":\"Pick\"},\"action\":{\"button\":\"Options\",\"sections\":[{\"rows\":"
                + "[{\"id\":\"a\",\"title\":\"Refund\"}]}]}}");

    assertThat(shown(image).getString("type")).isEqualTo("image");
    assertThat(shown(image).getJsonObject("content").getString("id")).isEqualTo(mediaId);
    assertThat(shown(link).getJsonObject("content").getString("link")).endsWith("v.mp4");
    assertThat(shown(document).getString("text")).contains("invoice.pdf");
    assertThat(shown(location).getString("text")).contains("Shop");
    assertThat(shown(contacts).getString("text")).contains("Help Desk");
    assertThat(shown(buttons).getString("text")).contains("Solved?").contains("Yes | No");
    assertThat(shown(list).getString("text")).contains("Refund");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "read".equals(shown(image).getString("status")));
  }

  @Test
  @DisplayName("a reply quotes the message, a reaction shows on the customer's message")
  void replyAndReaction() {
    String customer =
        harness
            .post(
                "/sandbox/api/customer-messages",
                "{\"from\":\"+15550100123\",\"text\":\"Where is my parcel?\"}")
            .json()
            .getString("wamid");

    String reply =
        sent(
            "\"context\":{\"message_id\":\""
                + customer
                + "\"},\"type\":\"text\","
                + "\"text\":{\"preview_url\":true,\"body\":\"On its way: https://track.example\"}");
    sent(
        "\"type\":\"reaction\",\"reaction\":{\"message_id\":\""
            + customer
            + "\",\"emoji\":\"❤️\"}");

    assertThat(shown(reply).getString("replyTo")).isEqualTo(customer);
    assertThat(shown(reply).getJsonObject("content").getBoolean("preview_url")).isTrue();
    assertThat(shown(customer).getJsonObject("reactions").getString("business")).isEqualTo("❤️");
  }

  @Test
  @DisplayName("a send with an unknown media id is accepted, then fails with 131053 by webhook")
  void unknownMediaIdFailsLater() {
    String wamid = sent("\"type\":\"image\",\"image\":{\"id\":\"9999999999999999\"}");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "failed".equals(shown(wamid).getString("status")));
    await().atMost(Duration.ofSeconds(10)).until(() -> !harness.bridge.received().isEmpty());
    JsonObject status = harness.lastWebhookValue().getJsonArray("statuses").getJsonObject(0);
    assertThat(status.getString("status")).isEqualTo("failed");
    assertThat(status.getJsonArray("errors").getJsonObject(0).getInt("code")).isEqualTo(131053);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "image with id and link | \"type\":\"image\",\"image\":{\"id\":\"1\",\"link\":\"https://x/y\"} | Exactly one",
        "image with neither | \"type\":\"image\",\"image\":{} | Exactly one",
        "link not http | \"type\":\"document\",\"document\":{\"link\":\"javascript:alert(1)\"} | http(s)",
        "caption on audio | \"type\":\"audio\",\"audio\":{\"link\":\"https://x/a.ogg\",\"caption\":\"c\"} | caption",
        "location without longitude | \"type\":\"location\",\"location\":{\"latitude\":1} | longitude",
        "latitude out of range | \"type\":\"location\",\"location\":{\"latitude\":91,\"longitude\":0} | latitude",
        "contact without name | \"type\":\"contacts\",\"contacts\":[{\"phones\":[]}] | name",
        "reaction to unknown message | \"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.X\",\"emoji\":\"x\"} | wamid.X",
        "four buttons | \"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"b\"},\"action\":{\"buttons\":[1,2,3,4]}} | buttons",
        "button title too long | \"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"b\"},\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":\"a\",\"title\":\"123456789012345678901\"}}]}} | title",
        "unknown type | \"type\":\"hologram\" | hologram",
        "template without language | \"type\":\"template\",\"template\":{\"name\":\"welcome_back\"} | language",
      })
  @DisplayName("invalid sends get 400, code 100, details naming the problem")
  void invalidSendsAreRefused(String description, String json, String detail) {
    SandboxHarness.Answer answer = harness.graphSend("{" + TO + json + "}");

    assertThat(answer.status()).isEqualTo(400);
    JsonObject error = answer.json().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(100);
    assertThat(error.getJsonObject("error_data").getString("details")).contains(detail);
  }
}
