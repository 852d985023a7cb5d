package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryStatus;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.InboundEvent;
import io.switchboard.testkit.channel.WhatsAppContractSamples;
import io.switchboard.testkit.channel.WhatsAppWebhookBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing of every webhook sample in the contract material, with what each must yield. */
class WhatsAppWebhookSamplesTest {

  private static final String SHEENA = "16505551234";
  private static final String OUR_NUMBER_ID = "106540352242922";

  private ChannelConnector connector;

  @BeforeEach
  void create() throws Exception {
    WhatsAppCloudConnectorFactory factory = new WhatsAppCloudConnectorFactory();
    connector =
        factory.create(
            PluginConfig.of(
                factory.options(), new WhatsAppCloudConnectorContractTest().validConfig()),
            new PluginContext("wa-test", Clock.systemUTC()));
  }

  @AfterEach
  void close() {
    connector.close();
  }

  static List<String> postBodies() {
    return WhatsAppContractSamples.webhookNames().stream()
        .filter(n -> !n.equals("verification-get.json"))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("postBodies")
  @DisplayName("every sample POST body parses, and every message keeps its raw JSON")
  void everySampleParses(String name) throws MalformedPayloadException {
    List<InboundEvent> events = connector.parse(WhatsAppContractSamples.webhook(name));
    assertThat(events).isEqualTo(connector.parse(WhatsAppContractSamples.webhook(name)));
    events.stream()
        .filter(CustomerMessage.class::isInstance)
        .map(CustomerMessage.class::cast)
        .forEach(
            m -> {
              assertThat(m.content().rawJson()).contains(m.externalId());
              assertThat(m.content().text()).as(name).isNotBlank();
              assertThat(m.accountId()).isEqualTo(OUR_NUMBER_ID);
            });
  }

  @Test
  @DisplayName("text message: body, wamid, sender wa_id, phone, profile name and time")
  void textMessage() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-text-message.json");
    assertThat(m.externalId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
    assertThat(m.content().type()).isEqualTo("text");
    assertThat(m.content().text()).isEqualTo("Does it come in another color?");
    assertThat(m.from().channelUserId()).isEqualTo(SHEENA);
    assertThat(m.from().phoneNumber()).isEqualTo(SHEENA);
    assertThat(m.from().displayName()).isEqualTo("Sheena Nelson");
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383));
    assertThat(m.replyToExternalId()).isNull();
    assertThat(m.dedupeKey())
        .isEqualTo("msg:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
  }

  @Test
  @DisplayName("image: caption as text, media id and MIME type as an attachment reference")
  void image() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-image-message.json");
    assertThat(m.content().type()).isEqualTo("image");
    assertThat(m.content().text()).isEqualTo("Taj Mahal");
    assertThat(m.content().attachments())
        .containsExactly(new Attachment(null, "image/jpeg", -1, "1003383421387256", null));
  }

  @Test
  @DisplayName("document: file name, MIME type and caption")
  void document() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-document-message.json");
    assertThat(m.content().text()).isEqualTo("My invoice");
    Attachment a = m.content().attachments().get(0);
    assertThat(a.fileName()).isEqualTo("invoice-1042.pdf");
    assertThat(a.contentType()).isEqualTo("application/pdf");
    assertThat(a.reference()).isEqualTo("1003383421387256");
  }

  @Test
  @DisplayName("voice note: audio with a summary, since it has no caption")
  void voiceNote() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-audio-voice-message.json");
    assertThat(m.content().type()).isEqualTo("audio");
    assertThat(m.content().text()).isEqualTo("Voice message");
    assertThat(m.content().attachments())
        .extracting(Attachment::reference, Attachment::contentType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1003383421387257", "audio/ogg; codecs=opus"));
  }

  @Test
  @DisplayName("video and sticker carry their media ids")
  void videoAndSticker() throws MalformedPayloadException {
    assertThat(single("inbound-video-message.json").content().attachments()).hasSize(1);
    CustomerMessage sticker = single("inbound-sticker-message.json");
    assertThat(sticker.content().type()).isEqualTo("sticker");
    assertThat(sticker.content().attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.reference()).isNotBlank());
  }

  @Test
  @DisplayName("location: name, address and coordinates in the text")
  void location() throws MalformedPayloadException {
    assertThat(single("inbound-location-message.json").content().text())
        .isEqualTo(
            "Location: Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301"
                + " (37.44221496582, -122.16165924072)");
  }

  @Test
  @DisplayName("shared contact: name and phone, accents intact")
  void sharedContact() throws MalformedPayloadException {
    assertThat(single("inbound-contact-sharing-message.json").content().text())
        .isEqualTo("Shared contact: Lucía Gómez (+1 (983) 555-2319)");
  }

  @Test
  @DisplayName("interactive replies: the chosen title (and description), quoting our message")
  void interactiveReplies() throws MalformedPayloadException {
    CustomerMessage button = single("inbound-interactive-button-reply-message.json");
    assertThat(button.content().text()).isEqualTo("Cancel");
    assertThat(button.replyToExternalId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
    assertThat(single("inbound-interactive-list-reply-message.json").content().text())
        .isEqualTo("Priority Mail Express: Next Day to 2 Days");
  }

  @Test
  @DisplayName("template quick-reply button: its text, quoting the template")
  void templateButton() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-button-message.json");
    assertThat(m.content().type()).isEqualTo("button");
    assertThat(m.content().text()).isEqualTo("Unsubscribe");
    assertThat(m.replyToExternalId()).startsWith("wamid.");
  }

  @Test
  @DisplayName("reaction: the emoji, referring to the message reacted to")
  void reaction() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-reaction-message.json");
    assertThat(m.content().text()).isEqualTo("Reacted \uD83D\uDC4D");
    assertThat(m.replyToExternalId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA");
  }

  @Test
  @DisplayName("order: items with quantity and price; the JSON is kept for the engine")
  void order() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-order-message.json");
    assertThat(m.content().text())
        .isEqualTo("Order of 2 products: 2 x di9ozbzfi4 at 30 USD, 1 x nqryix03ez at 25 USD");
    assertThat(m.content().rawJson()).contains("\"catalog_id\":\"194836987003835\"");
  }

  @Test
  @DisplayName("product inquiry and ad referral: text, with context and referral kept in raw JSON")
  void contextAndReferral() throws MalformedPayloadException {
    CustomerMessage inquiry = single("inbound-text-message-with-context-product-inquiry.json");
    assertThat(inquiry.content().text()).isEqualTo("Is this still available?");
    assertThat(inquiry.replyToExternalId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA");
    assertThat(inquiry.content().rawJson()).contains("referred_product");
    CustomerMessage ad = single("inbound-text-message-from-click-to-whatsapp-ad.json");
    assertThat(ad.content().text()).isEqualTo("Hello! Can I get more info on this?");
    assertThat(ad.content().rawJson()).contains("\"source_type\":\"ad\"");
  }

  @Test
  @DisplayName("system message (number change) and unsupported message are kept, readable")
  void systemAndUnsupported() throws MalformedPayloadException {
    CustomerMessage system = single("inbound-system-message.json");
    assertThat(system.content().type()).isEqualTo("system");
    assertThat(system.content().text())
        .isEqualTo("User Sheena Nelson changed from 16505551234 to 12195555358");
    assertThat(system.from().channelUserId()).isEqualTo(SHEENA);
    assertThat(system.from().displayName()).isNull();
    CustomerMessage unsupported = single("inbound-unsupported-message.json");
    assertThat(unsupported.content().type()).isEqualTo("unsupported");
    assertThat(unsupported.content().text())
        .isEqualTo("Unsupported message: Message type is currently not supported.");
  }

  @Test
  @DisplayName("a batch of two messages gives two events in order, with distinct dedupe keys")
  void batch() throws MalformedPayloadException {
    List<InboundEvent> events =
        connector.parse(WhatsAppContractSamples.webhook("inbound-batch-two-messages.json"));
    assertThat(events)
        .extracting(InboundEvent::dedupeKey)
        .containsExactly("msg:wamid.BATCH001", "msg:wamid.BATCH002");
  }

  @Test
  @DisplayName(
      "statuses sent, delivered, read of one message share its id and differ in dedupe key")
  void statuses() throws MalformedPayloadException {
    DeliveryUpdate sent = status("status-sent.json");
    DeliveryUpdate delivered = status("status-delivered.json");
    DeliveryUpdate read = status("status-read.json");
    assertThat(List.of(sent, delivered, read))
        .extracting(DeliveryUpdate::status)
        .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
    assertThat(sent.externalMessageId()).isEqualTo("wamid.OUT0001");
    assertThat(sent.recipientId()).isEqualTo(SHEENA);
    assertThat(sent.at()).isEqualTo(Instant.ofEpochSecond(1749416600));
    assertThat(sent.errorCode()).isNull();
    assertThat(List.of(sent, delivered, read))
        .extracting(DeliveryUpdate::dedupeKey)
        .containsExactly(
            "status:wamid.OUT0001:sent",
            "status:wamid.OUT0001:delivered",
            "status:wamid.OUT0001:read");
  }

  @Test
  @DisplayName("failed status: Meta's code 131047 and a readable reason")
  void failedStatus() throws MalformedPayloadException {
    DeliveryUpdate failed = status("status-failed-131047.json");
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.errorCode()).isEqualTo("131047");
    assertThat(failed.errorMessage())
        .isEqualTo(
            "Re-engagement message: Message failed to send because more than 24 hours have passed"
                + " since the customer last replied to this number.");
  }

  @Test
  @DisplayName("group changes are not messages: no events, no error")
  void groupChangesGiveNoEvents() throws MalformedPayloadException {
    for (String name :
        List.of(
            "group-create-message.json",
            "group-remove-participants.json",
            "group-settings-update.json")) {
      assertThat(connector.parse(WhatsAppContractSamples.webhook(name))).as(name).isEmpty();
    }
  }

  @Test
  @DisplayName("statuses WhatsApp has beyond sent/delivered/read/failed are skipped, not fatal")
  void unknownStatusIsSkipped() throws MalformedPayloadException {
    byte[] body =
        WhatsAppWebhookBuilder.forPhoneNumberId(OUR_NUMBER_ID)
            .status("wamid.OUT9", "deleted", SHEENA, 1749416600L)
            .status("wamid.OUT9", "read", SHEENA, 1749416601L)
            .toBytes();
    assertThat(connector.parse(body))
        .extracting(InboundEvent::dedupeKey)
        .containsExactly("status:wamid.OUT9:read");
  }

  @Test
  @DisplayName("messages to another business number of the same app are kept, with that account id")
  void otherBusinessNumberIsKept() throws MalformedPayloadException {
    String body =
        WhatsAppWebhookBuilder.textMessage("999000111", SHEENA, "Sheena", "wamid.X1", "Hi", 1L);
    assertThat(single(body.getBytes(StandardCharsets.UTF_8)).accountId()).isEqualTo("999000111");
  }

  @Test
  @DisplayName("a message without id, or with a bad timestamp, is malformed with its path")
  void messageWithoutIdentityIsMalformed() {
    String noId =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\","
            + "\"value\":{\"messages\":[{\"from\":\"1\",\"timestamp\":\"1\",\"type\":\"text\"}]}}]}]}";
    assertThatThrownBy(() -> connector.parse(noId.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("entry[0].changes[0].value.messages[0] has no \"id\"");
    String badTime =
        noId.replace("\"from\"", "\"id\":\"wamid.A\",\"from\"")
            .replace("\"timestamp\":\"1\"", "\"timestamp\":\"yesterday\"");
    assertThatThrownBy(() -> connector.parse(badTime.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageContaining("timestamp \"yesterday\" is not epoch seconds");
  }

  @Test
  @DisplayName("numbers where Meta usually sends strings (timestamp, ids) are accepted")
  void numericIdsAreAccepted() throws MalformedPayloadException {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\","
            + "\"value\":{\"metadata\":{\"phone_number_id\":106540352242922},\"messages\":[{\"from\":"
            + "16505551234,\"id\":\"wamid.N\",\"timestamp\":1749416383,\"type\":\"text\","
            + "\"text\":{\"body\":\"hi\"},\"new_field\":[1,2]}]}}]}]}";
    CustomerMessage m = single(body.getBytes(StandardCharsets.UTF_8));
    assertThat(m.from().channelUserId()).isEqualTo(SHEENA);
    assertThat(m.accountId()).isEqualTo(OUR_NUMBER_ID);
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383));
  }

  @Test
  @DisplayName("test kit builder bodies parse exactly: escaped text and a failed status with code")
  void testKitBuilderBodiesParse() throws MalformedPayloadException {
    String text = "Line 1\n\"quoted\" \\ مرحبا 📦";
    CustomerMessage m =
        single(
            WhatsAppWebhookBuilder.textMessage(
                    OUR_NUMBER_ID, SHEENA, "Kerry \"K\" Fisher", "wamid.B1", text, 1749416383L)
                .getBytes(StandardCharsets.UTF_8));
    assertThat(m.content().text()).isEqualTo(text);
    assertThat(m.from().displayName()).isEqualTo("Kerry \"K\" Fisher");
    List<InboundEvent> failed =
        connector.parse(
            WhatsAppWebhookBuilder.failedStatus(
                    OUR_NUMBER_ID, "wamid.OUT7", SHEENA, 131047, "Re-engagement message", 5L)
                .getBytes(StandardCharsets.UTF_8));
    assertThat(failed)
        .singleElement()
        .isEqualTo(
            new DeliveryUpdate(
                "wamid.OUT7",
                DeliveryStatus.FAILED,
                Instant.ofEpochSecond(5),
                SHEENA,
                "131047",
                "Re-engagement message"));
  }

  private CustomerMessage single(String sample) throws MalformedPayloadException {
    return single(WhatsAppContractSamples.webhook(sample));
  }

  private CustomerMessage single(byte[] body) throws MalformedPayloadException {
    List<InboundEvent> events = connector.parse(body);
    assertThat(events).hasSize(1).first().isInstanceOf(CustomerMessage.class);
    return (CustomerMessage) events.get(0);
  }

  private DeliveryUpdate status(String sample) throws MalformedPayloadException {
    List<InboundEvent> events = connector.parse(WhatsAppContractSamples.webhook(sample));
    assertThat(events).hasSize(1).first().isInstanceOf(DeliveryUpdate.class);
    return (DeliveryUpdate) events.get(0);
  }
}
