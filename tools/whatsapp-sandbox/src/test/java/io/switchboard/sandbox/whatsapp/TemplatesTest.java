package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Templates: Meta's listing with paging, validation of sends, status webhooks")
class TemplatesTest {
  private static final String WABA = "419561257915477";
  private static final String TEMPLATES = "/v23.0/" + WABA + "/message_templates";

  private SandboxHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = SandboxHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private SandboxHarness.Answer sendTemplate(String name, String language, String components) {
    return harness.graphSend(
        "{\"messaging_product\":\"whatsapp\",\"to\":\"15550100123\","
            + "\"type\":\"template\",\"template\":{\"name\":\""
            + name
            + "\",\"language\":{\"code\":\""
            + language
            + "\"}"
            + (components == null ? "" : ",\"components\":" + components)
            + "}}");
  }

  @Test
  @DisplayName("the listing pages with limit and after/before cursors, like Meta")
  void listingPages() {
    List<String> names = new ArrayList<>();
    JsonObject page = harness.graphGet(TEMPLATES + "?limit=4").json();
    assertThat(page.getJsonArray("data")).hasSize(4);
    assertThat(page.getJsonObject("paging").getJsonObject("cursors").getString("after"))
        .isNotBlank();
    assertThat(page.getJsonObject("paging").containsKey("previous")).isFalse();
    while (true) {
      page.getJsonArray("data")
          .getValuesAs(JsonObject.class)
          .forEach(t -> names.add(t.getString("name") + "/" + t.getString("language")));
      if (!page.getJsonObject("paging").containsKey("next")) {
        break;
      }
      String next = page.getJsonObject("paging").getString("next");
      page = harness.graphGet(next.substring(next.indexOf("/v23.0"))).json();
    }
    assertThat(names)
        .hasSize(9)
        .doesNotHaveDuplicates()
        .contains("order_update/ar", "payment_due/en_US");

    String before = page.getJsonObject("paging").getJsonObject("cursors").getString("before");
    JsonObject previous = harness.graphGet(TEMPLATES + "?limit=4&before=" + before).json();
    assertThat(previous.getJsonArray("data")).hasSize(4);
  }

  @Test
  @DisplayName("each listed template has Meta's fields and components")
  void templateShape() {
    JsonObject template =
        harness
            .graphGet(TEMPLATES + "?name=delivery_photo")
            .json()
            .getJsonArray("data")
            .getJsonObject(0);

    assertThat(template.getString("id")).isNotBlank();
    assertThat(template.getString("status")).isEqualTo("APPROVED");
    assertThat(template.getString("category")).isEqualTo("UTILITY");
    JsonObject header = template.getJsonArray("components").getJsonObject(0);
    assertThat(header.getString("type")).isEqualTo("HEADER");
    assertThat(header.getString("format")).isEqualTo("IMAGE");
    JsonObject body = template.getJsonArray("components").getJsonObject(1);
    assertThat(body.getString("text")).contains("{{1}}");
    assertThat(body.getJsonObject("example").getJsonArray("body_text")).hasSize(1);
    assertThat(harness.post(TEMPLATES, "{}").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a valid template send is accepted and shown rendered")
  void validTemplateIsRendered() {
    SandboxHarness.Answer answer =
        sendTemplate(
            "payment_due",
            "en_US",
            "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Maria\"},"
                + "{\"type\":\"currency\",\"currency\":{\"fallback_value\":\"$25.00\",\"code\":\"USD\","
                + "\"amount_1000\":25000}},{\"type\":\"date_time\",\"date_time\":{\"fallback_value\":"
                + "\"May 1\"}}]},{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\","
                + "\"parameters\":[{\"type\":\"text\",\"text\":\"INV-7\"}]}]");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().getJsonArray("messages").getJsonObject(0).getString("message_status"))
        .isEqualTo("accepted");
    JsonObject shown =
        harness
            .get("/sandbox/api/conversation?phone=15550100123")
            .json()
            .getJsonArray("messages")
            .getJsonObject(0);
    assertThat(shown.getString("text")).contains("Hi Maria, a payment of $25.00 is due on May 1.");
    assertThat(
            shown
                .getJsonObject("content")
                .getJsonObject("sandbox_rendered")
                .getJsonArray("buttons")
                .getString(0))
        .isEqualTo("Pay now -> https://pay.example.com/invoice/INV-7");
    assertThat(sendTemplate("welcome_back", "ar", null).status()).isEqualTo(200);
    assertThat(
            sendTemplate(
                    "delivery_photo",
                    "en_US",
                    "[{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":"
                        + "\"https://x.example/p.jpg\"}}]},{\"type\":\"body\",\"parameters\":"
                        + "[{\"type\":\"text\",\"text\":\"#7\"}]}]")
                .status())
        .isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown name | nope | en_US | | 132001",
        "wrong language | delivery_photo | ar | | 132001",
        "pending | spring_sale | en_US | [{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}] | 132001",
        "rejected | promo_code | en_US | [{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}] | 132001",
        "missing body params | order_update | en_US | [{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}] | 132000",
        "params for none | welcome_back | en_US | [{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}] | 132000",
        "missing url suffix | payment_due | en_US | [{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"},{\"type\":\"text\",\"text\":\"c\"}]}] | 132000",
        "text for image header | delivery_photo | en_US | [{\"type\":\"header\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]},{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}] | 132012",
        "image in body | order_update | en_US | [{\"type\":\"body\",\"parameters\":[{\"type\":\"image\",\"image\":{\"id\":\"1\"}},{\"type\":\"text\",\"text\":\"b\"}]}] | 132012",
        "currency without code | payment_due | en_US | [{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"currency\",\"currency\":{\"fallback_value\":\"$1\"}},{\"type\":\"text\",\"text\":\"c\"}]},{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}] | 132012",
      })
  @DisplayName("template sends that do not fit are refused with Meta's 132xxx codes")
  void invalidTemplateSends(
      String description, String name, String language, String components, int code) {
    SandboxHarness.Answer answer = sendTemplate(name, language, components);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getJsonObject("error").getInt("code")).isEqualTo(code);
    assertThat(
            harness
                .get("/sandbox/api/stats")
                .json()
                .getJsonObject("rejectedByCode")
                .getInt(Integer.toString(code)))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("templates can be replaced; a status change sends message_template_status_update")
  void replaceAndChangeStatus() {
    SandboxHarness.Answer put =
        harness.send(
            "PUT",
            "/sandbox/api/templates",
            "{\"templates\":[{\"id\":\"777\",\"name\":\"ticket_closed\",\"language\":\"en_US\","
                + "\"status\":\"PENDING\",\"category\":\"UTILITY\",\"components\":[{\"type\":\"BODY\","
                + "\"text\":\"Ticket {{1}} is closed.\"}]}]}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(harness.graphGet(TEMPLATES).json().getJsonArray("data")).hasSize(1);
    assertThat(
            sendTemplate("ticket_closed", "en_US", null)
                .json()
                .getJsonObject("error")
                .getInt("code"))
        .isEqualTo(132001);

    SandboxHarness.Answer changed =
        harness.post("/sandbox/api/templates/777/status", "{\"status\":\"APPROVED\"}");

    assertThat(changed.status()).isEqualTo(200);
    JsonObject webhook = SandboxHarness.parse(harness.bridge.received().get(0).body());
    JsonObject entry = webhook.getJsonArray("entry").getJsonObject(0);
    assertThat(entry.getString("id")).isEqualTo(WABA);
    JsonObject change = entry.getJsonArray("changes").getJsonObject(0);
    assertThat(change.getString("field")).isEqualTo("message_template_status_update");
    JsonObject value = change.getJsonObject("value");
    assertThat(value.getString("event")).isEqualTo("APPROVED");
    assertThat(value.getJsonNumber("message_template_id").longValue()).isEqualTo(777);
    assertThat(value.getString("message_template_name")).isEqualTo("ticket_closed");
    assertThat(value.getString("message_template_language")).isEqualTo("en_US");
    assertThat(value.isNull("reason")).isTrue();
    assertThat(
            sendTemplate(
                    "ticket_closed",
                    "en_US",
                    "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"#9\"}]}]")
                .status())
        .isEqualTo(200);
  }
}
