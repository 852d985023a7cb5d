package io.switchboard.engine.interfaces.rest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The admin API's JSON keeps every field the clients (and the ear module's ITs) read. */
@DisplayName("Admin API views")
class AdminViewsTest {
  private static final JsonObject CONFIG = json("{\"baseUrl\":\"http://rt\"}");
  private static final HealthView UNKNOWN = new HealthView("UNKNOWN", null, null);

  @Test
  @DisplayName("a CRM connection: id, plugin, public config, write-only secrets and its health")
  void crmConnection() {
    JsonObject json =
        new CrmConnectionView(
                "rt",
                "request-tracker",
                CONFIG,
                new HealthView("DOWN", "2025-01-01T10:00:00Z", "unreachable: timeout"))
            .toJson();
    assertThat(json.keySet()).containsExactly("id", "plugin", "config", "secrets", "health");
    assertThat(json.getString("secrets")).isEqualTo("write-only");
    assertThat(json.getJsonObject("config")).isEqualTo(CONFIG);
    assertThat(json.getJsonObject("health").getString("status")).isEqualTo("DOWN");
    assertThat(json.getJsonObject("health").getString("checkedAt"))
        .isEqualTo("2025-01-01T10:00:00Z");
    assertThat(json.getJsonObject("health").getString("reason")).isEqualTo("unreachable: timeout");
  }

  @Test
  @DisplayName("a channel: its webhook path, and crmConnection as JSON null when it has none")
  void channel() {
    JsonObject json =
        new ChannelView("wa-1", "whatsapp-cloud", CONFIG, UNKNOWN, null, null, "1065").toJson();
    assertThat(json.keySet())
        .containsExactly(
            "id",
            "plugin",
            "config",
            "secrets",
            "health",
            "webhookPath",
            "app",
            "accountId",
            "crmConnection");
    assertThat(json.getString("webhookPath")).isEqualTo("/switchboard/api/channels/wa-1/webhook");
    assertThat(json.get("crmConnection")).isEqualTo(JsonValue.NULL);
    assertThat(json.getJsonObject("health").get("checkedAt")).isEqualTo(JsonValue.NULL);
    assertThat(
            new ChannelView("wa-1", "w", CONFIG, UNKNOWN, "rt", null, "1065")
                .toJson()
                .getString("crmConnection"))
        .isEqualTo("rt");
    JsonObject ofApp =
        new ChannelView("wa-2", "w", CONFIG, UNKNOWN, "rt", "meta-main", "1066").toJson();
    assertThat(ofApp.getString("webhookPath")).isEqualTo("/switchboard/api/apps/meta-main/webhook");
    assertThat(ofApp.getString("accountId")).isEqualTo("1066");
  }

  @Test
  @DisplayName("a conversation and a message keep all their fields, unknown ones as null")
  void conversationAndMessage() {
    JsonObject conversation =
        new ConversationView(
                "c1",
                "wa-1",
                "OPEN",
                "1555",
                "Kerry",
                "+1555",
                "rt",
                "42",
                null,
                null,
                "cust-1",
                "",
                null,
                null,
                "t",
                "{\"sourceType\":\"ad\",\"headline\":\"Sale\"}",
                "t0")
            .toJson();
    assertThat(conversation.keySet())
        .containsExactly(
            "id",
            "channel",
            "status",
            "channelUserId",
            "customerName",
            "customerPhone",
            "crmConnection",
            "crmTicketId",
            "assignee",
            "team",
            "customerId",
            "labels",
            "previousTicketId",
            "lastInboundAt",
            "updatedAt",
            "referral",
            "adReferralAt");
    assertThat(conversation.getString("crmTicketId")).isEqualTo("42");
    assertThat(conversation.getJsonObject("referral").getString("headline")).isEqualTo("Sale");
    assertThat(conversation.get("assignee")).isEqualTo(JsonValue.NULL);
    JsonObject message =
        new MessageView(
                "m1",
                "OUT",
                "text",
                "READ",
                "wamid.1",
                "Hi",
                "agent1",
                null,
                null,
                null,
                null,
                null,
                "t",
                "{\"type\":\"text\",\"text\":\"Hi\"}",
                "wamid.0",
                false,
                java.util.List.of(
                    new io.switchboard.engine.application.conversations.MessageReactions.Standing(
                        true, "x")),
                "customer-service")
            .toJson();
    assertThat(message.getJsonObject("content").getString("text")).isEqualTo("Hi");
    assertThat(message.getJsonArray("reactions").getJsonObject(0).getString("from"))
        .isEqualTo("customer");
    assertThat(message.keySet())
        .containsExactly(
            "id",
            "direction",
            "type",
            "status",
            "externalId",
            "body",
            "author",
            "crmEntryId",
            "errorCode",
            "errorMessage",
            "sentAt",
            "statusAt",
            "createdAt",
            "content",
            "quotedExternalId",
            "forwarded",
            "reactions",
            "window");
  }

  @Test
  @DisplayName("ledger rows and outbox entries keep their fields; ids are numbers")
  void ledgerRows() {
    JsonObject inbound =
        new InboundEventView(
                7,
                "channel:wa-1",
                "msg:w",
                "RAW",
                "QUARANTINED",
                1,
                "{}",
                "malformed",
                "1065",
                "t",
                null)
            .toJson();
    assertThat(inbound.keySet())
        .containsExactly(
            "id",
            "source",
            "dedupeKey",
            "format",
            "status",
            "attempts",
            "body",
            "reason",
            "accountId",
            "receivedAt",
            "processedAt");
    assertThat(inbound.getJsonNumber("id").longValue()).isEqualTo(7);
    JsonObject outbox =
        new OutboxEntryView(
                8, "crm:rt", "DELIVER_TO_CRM", "k", "m1", "DONE", 1, null, "ok", null, "t")
            .toJson();
    assertThat(outbox.keySet())
        .containsExactly(
            "id",
            "target",
            "action",
            "idempotencyKey",
            "subjectId",
            "status",
            "attempts",
            "reason",
            "result",
            "nextAttemptAt",
            "createdAt");
  }

  @Test
  @DisplayName("a plugin lists its options; default is present only when declared")
  void plugin() {
    JsonObject json =
        new PluginView(
                "request-tracker",
                "Request Tracker",
                List.of(
                    new PluginView.OptionView(
                        "baseUrl",
                        "URL",
                        true,
                        false,
                        "RT's root",
                        null,
                        "RT URL",
                        List.of(),
                        true),
                    new PluginView.OptionView(
                        "queue", "STRING", false, false, "q", "General", "queue", List.of(),
                        false)),
                null)
            .toJson();
    assertThat(json.keySet()).containsExactly("id", "name", "options");
    assertThat(json.getJsonArray("options").getJsonObject(0).containsKey("default")).isFalse();
    assertThat(json.getJsonArray("options").getJsonObject(1).getString("default"))
        .isEqualTo("General");
  }

  @Test
  @DisplayName("a PUT body gives plugin, crmConnection and config values as text")
  void connectionRequest() {
    ConnectionRequest request =
        ConnectionRequest.from(
            json(
                "{\"plugin\":\"whatsapp-cloud\",\"crmConnection\":\"rt\","
                    + "\"config\":{\"phoneNumberId\":\"1\",\"limit\":5,\"on\":true}}"));
    assertThat(request.plugin()).isEqualTo("whatsapp-cloud");
    assertThat(request.crmConnection()).isEqualTo("rt");
    assertThat(request.config())
        .isEqualTo(Map.of("phoneNumberId", "1", "limit", "5", "on", "true"));
    assertThat(ConnectionRequest.from(null).config()).isEmpty();
  }

  private static JsonObject json(String text) {
    return EngineJson.PROVIDER.createReader(new StringReader(text)).readObject();
  }
}
