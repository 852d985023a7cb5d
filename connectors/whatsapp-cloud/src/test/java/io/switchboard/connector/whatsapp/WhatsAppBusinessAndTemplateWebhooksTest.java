package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.connector.whatsapp.testing.WhatsAppContractSamples;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.channel.BusinessMessage;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.InboundEvent;
import io.switchboard.spi.channel.TemplateUpdate;
import io.switchboard.spi.channel.UnreadableEvent;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.content.Unsupported;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Coexistence echoes and history, and template changes, from the constructed samples. */
class WhatsAppBusinessAndTemplateWebhooksTest {

  private static final String NUMBER = "106540352242922";
  private static final String WABA = "102290129340398";

  private final WhatsAppWebhookParser parser =
      new WhatsAppWebhookParser(JsonProvider.provider().createReaderFactory(Map.of()));

  private List<InboundEvent> parse(String sample) throws MalformedPayloadException {
    return parser.parse(WhatsAppContractSamples.webhook(sample));
  }

  @Test
  @DisplayName(
      "an echo from the Business app is the business's message to the customer (digits only)")
  void textEcho() throws Exception {
    BusinessMessage echo = (BusinessMessage) parse("smb-message-echo-text.json").get(0);
    assertThat(echo.origin()).isEqualTo(BusinessMessage.Origin.ECHO);
    assertThat(echo.accountId()).isEqualTo(NUMBER);
    assertThat(echo.to()).isEqualTo(new ChannelUser("16505551234", "16505551234", null));
    assertThat(echo.sentAt()).isEqualTo(Instant.ofEpochSecond(1739321024));
    assertThat(echo.content())
        .isEqualTo(Text.of("Here's the info you requested! https://www.meta.com/quest/quest-3/"));
    assertThat(echo.dedupeKey())
        .isEqualTo("business-msg:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=");
    assertThat(echo.rawJson()).contains("\"to\":\"+16505551234\"");
  }

  @Test
  @DisplayName("an image echo has the same structured content as an inbound image, and its quote")
  void imageEcho() throws Exception {
    BusinessMessage echo = (BusinessMessage) parse("smb-message-echo-image.json").get(0);
    assertThat(echo.content())
        .isEqualTo(
            new Media(
                MediaKind.IMAGE,
                "1479537139650973",
                null,
                "image/jpeg",
                "The blue one",
                null,
                -1,
                "SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI="));
    assertThat(echo.context().quotedExternalId()).isEqualTo("wamid.IN0001");
  }

  @Test
  @DisplayName("history: the customer's messages are customer messages, the business's are HISTORY")
  void historyChunk() throws Exception {
    List<InboundEvent> events = parse("history-chunk.json");
    assertThat(events).hasSize(4).noneMatch(UnreadableEvent.class::isInstance);
    CustomerMessage question = (CustomerMessage) events.get(0);
    assertThat(question.from().channelUserId()).isEqualTo("16505551234");
    assertThat(question.content()).isEqualTo(Text.of("Do you have the blue one in size 42?"));
    assertThat(question.dedupeKey()).isEqualTo("msg:wamid.HIST0001");
    BusinessMessage answer = (BusinessMessage) events.get(1);
    assertThat(answer.origin()).isEqualTo(BusinessMessage.Origin.HISTORY);
    assertThat(answer.to().channelUserId()).isEqualTo("16505551234");
    assertThat(answer.rawJson()).contains("history_context");
    CustomerMessage placeholder = (CustomerMessage) events.get(2);
    assertThat(placeholder.content()).isInstanceOf(Unsupported.class);
    assertThat(placeholder.content().type()).isEqualTo("media_placeholder");
    BusinessMessage other = (BusinessMessage) events.get(3);
    assertThat(other.to().channelUserId())
        .as("without `to`, the thread names the customer")
        .isEqualTo("16505550199");
  }

  @Test
  @DisplayName("a declined history and unknown fields give no events and do not throw")
  void declinedHistoryAndUnknownFields() throws Exception {
    assertThat(parse("history-declined.json")).isEmpty();
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":["
            + "{\"field\":\"smb_app_state_sync\",\"value\":{\"state_sync\":[]}},"
            + "{\"field\":\"account_update\",\"value\":{\"event\":\"VERIFIED_ACCOUNT\"}},"
            + "{\"field\":null,\"value\":1}]}]}";
    assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  @DisplayName("an echo without a customer is unreadable alone, beside a readable one")
  void badEchoIsUnreadableAlone() throws Exception {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
            + "\"field\":\"smb_message_echoes\",\"value\":{\"metadata\":{\"phone_number_id\":\""
            + NUMBER
            + "\"},\"message_echoes\":[{\"from\":\"15550783881\",\"id\":\"wamid.E1\","
            + "\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
            + "{\"from\":\"15550783881\",\"to\":\"16505551234\",\"id\":\"wamid.E2\","
            + "\"timestamp\":\"2\",\"type\":\"text\",\"text\":{\"body\":\"y\"}}]}}]}]}";
    List<InboundEvent> events = parser.parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(UnreadableEvent.class);
    assertThat(((UnreadableEvent) events.get(0)).reason()).contains("names no customer");
    assertThat(events.get(0).dedupeKey()).startsWith("unreadable:0:0:echo0:");
    assertThat(events.get(1)).isInstanceOf(BusinessMessage.class);
  }

  @Test
  @DisplayName("a rejected template: STATUS REJECTED for the WABA, with Meta's reason and advice")
  void templateRejected() throws Exception {
    TemplateUpdate update = (TemplateUpdate) parse("template-status-update-rejected.json").get(0);
    assertThat(update.accountId()).isEqualTo(WABA);
    assertThat(update.templateId()).isEqualTo("1689556908129832");
    assertThat(update.name()).isEqualTo("order_confirmation");
    assertThat(update.language()).isEqualTo("en-US");
    assertThat(update.change()).isEqualTo(TemplateUpdate.Change.STATUS);
    assertThat(update.value()).isEqualTo("REJECTED");
    assertThat(update.reason())
        .isEqualTo(
            "INVALID_FORMAT: Variables can't be at the start or end of the template.: Add text"
                + " before and after each variable.");
    assertThat(update.eventKey()).isEqualTo("1751247548");
    assertThat(update.dedupeKey())
        .isEqualTo("template:1689556908129832:status:REJECTED:1751247548");
  }

  @Test
  @DisplayName(
      "category changes: completed gives the new category; impending keeps the current one")
  void categoryUpdates() throws Exception {
    TemplateUpdate done = (TemplateUpdate) parse("template-category-update.json").get(0);
    assertThat(done.change()).isEqualTo(TemplateUpdate.Change.CATEGORY);
    assertThat(done.value()).isEqualTo("MARKETING");
    assertThat(done.reason()).isEqualTo("category was UTILITY");
    TemplateUpdate soon = (TemplateUpdate) parse("template-category-update-impending.json").get(0);
    assertThat(soon.value()).isEqualTo("UTILITY");
    assertThat(soon.reason())
        .isEqualTo("WhatsApp will recategorise it as MARKETING at 2025-10-17T14:30:33Z");
  }

  @Test
  @DisplayName("a quality change is QUALITY with the new score")
  void qualityUpdate() throws Exception {
    TemplateUpdate update = (TemplateUpdate) parse("template-quality-update.json").get(0);
    assertThat(update.change()).isEqualTo(TemplateUpdate.Change.QUALITY);
    assertThat(update.value()).isEqualTo("YELLOW");
    assertThat(update.reason()).isEqualTo("quality was GREEN");
    assertThat(update.orderingKey()).isEqualTo("templates:" + WABA);
  }

  @Test
  @DisplayName("a template change without an entry id or a template is unreadable, not thrown")
  void badTemplateUpdate() throws Exception {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":"
            + "\"message_template_quality_update\",\"value\":{\"new_quality_score\":\"RED\"}}]},"
            + "{\"id\":\"9\",\"changes\":[{\"field\":\"template_category_update\",\"value\":{}}]}]}";
    List<InboundEvent> events = parser.parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(events).hasSize(2).allMatch(UnreadableEvent.class::isInstance);
    assertThat(events.get(1).accountId()).isEqualTo("9");
  }
}
