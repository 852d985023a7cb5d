package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.connector.whatsapp.testing.WhatsAppContractSamples;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.channel.ChannelWebhookReceiver;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryStatus;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.InboundEvent;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.channel.Referral;
import io.switchboard.spi.channel.TemplateUpdate;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.InteractiveReply;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.Order;
import io.switchboard.spi.content.OrderItem;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.SystemNotice;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.content.Unsupported;
import java.math.BigDecimal;
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

  private WhatsAppCloudConnectorFactory factory;
  private ChannelWebhookReceiver receiver;

  @BeforeEach
  void create() throws Exception {
    factory = new WhatsAppCloudConnectorFactory();
    receiver =
        factory.createReceiver(
            PluginConfig.of(factory.appOptions(), WhatsAppCloudConnectorContractTest.appConfig()),
            new PluginContext("wa-test", Clock.systemUTC()));
  }

  /** The WhatsApp Business Account id of the template samples (Meta's example value). */
  private static final String SAMPLES_WABA_ID = "102290129340398";

  @AfterEach
  void close() {
    receiver.close();
    factory.close();
  }

  static List<String> postBodies() {
    return WhatsAppContractSamples.webhookNames().stream()
        .filter(n -> !n.equals("verification-get.json"))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("postBodies")
  @DisplayName("every sample parses purely; messages keep their JSON and every event its account")
  void everySampleParses(String name) throws MalformedPayloadException {
    List<InboundEvent> events = receiver.parse(WhatsAppContractSamples.webhook(name));
    assertThat(events).isEqualTo(receiver.parse(WhatsAppContractSamples.webhook(name)));
    assertThat(events)
        .as("template changes belong to the business account (WABA), all else to the number")
        .allSatisfy(
            e ->
                assertThat(e.accountId())
                    .isEqualTo(e instanceof TemplateUpdate ? SAMPLES_WABA_ID : OUR_NUMBER_ID));
    events.stream()
        .filter(CustomerMessage.class::isInstance)
        .map(CustomerMessage.class::cast)
        .forEach(
            m -> {
              assertThat(m.rawJson()).contains(m.externalId());
              assertThat(m.content().summary()).as(name).isNotBlank();
            });
  }

  @Test
  @DisplayName("text message: body, wamid, sender wa_id, phone, profile name and time")
  void textMessage() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-text-message.json");
    assertThat(m.externalId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
    assertThat(m.content()).isEqualTo(Text.of("Does it come in another color?"));
    assertThat(m.from().channelUserId()).isEqualTo(SHEENA);
    assertThat(m.from().phoneNumber()).isEqualTo(SHEENA);
    assertThat(m.from().displayName()).isEqualTo("Sheena Nelson");
    assertThat(m.from().otherIds()).isEmpty();
    assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383));
    assertThat(m.context()).isEqualTo(MessageContext.NONE);
    assertThat(m.dedupeKey())
        .isEqualTo("msg:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
  }

  @Test
  @DisplayName("image: media id as reference, MIME type, sha256 and caption")
  void image() throws MalformedPayloadException {
    Media media = content("inbound-image-message.json", Media.class);
    assertThat(media.kind()).isEqualTo(MediaKind.IMAGE);
    assertThat(media.reference()).isEqualTo("1003383421387256");
    assertThat(media.mimeType()).isEqualTo("image/jpeg");
    assertThat(media.caption()).isEqualTo("Taj Mahal");
    assertThat(media.sha256()).isNotBlank();
    assertThat(media.link()).isNull();
  }

  @Test
  @DisplayName("document: file name, MIME type and caption")
  void document() throws MalformedPayloadException {
    Media media = content("inbound-document-message.json", Media.class);
    assertThat(media.kind()).isEqualTo(MediaKind.DOCUMENT);
    assertThat(media.fileName()).isEqualTo("invoice-1042.pdf");
    assertThat(media.mimeType()).isEqualTo("application/pdf");
    assertThat(media.caption()).isEqualTo("My invoice");
    assertThat(media.reference()).isEqualTo("1003383421387256");
  }

  @Test
  @DisplayName("voice note: audio with the voice flag is VOICE, shown as a voice message")
  void voiceNote() throws MalformedPayloadException {
    Media media = content("inbound-audio-voice-message.json", Media.class);
    assertThat(media.kind()).isEqualTo(MediaKind.VOICE);
    assertThat(media.type()).isEqualTo("audio");
    assertThat(media.reference()).isEqualTo("1003383421387257");
    assertThat(media.mimeType()).isEqualTo("audio/ogg; codecs=opus");
    assertThat(media.summary()).isEqualTo("[Voice message]");
  }

  @Test
  @DisplayName("video and a static sticker carry their media ids and kinds")
  void videoAndSticker() throws MalformedPayloadException {
    assertThat(content("inbound-video-message.json", Media.class).kind())
        .isEqualTo(MediaKind.VIDEO);
    Media sticker = content("inbound-sticker-message.json", Media.class);
    assertThat(sticker.kind()).isEqualTo(MediaKind.STICKER);
    assertThat(sticker.reference()).isEqualTo("1003383421387259");
    assertThat(sticker.mimeType()).isEqualTo("image/webp");
  }

  @Test
  @DisplayName("location: coordinates exactly as sent, name and address")
  void location() throws MalformedPayloadException {
    assertThat(content("inbound-location-message.json", Location.class))
        .isEqualTo(
            new Location(
                new BigDecimal("37.44221496582"),
                new BigDecimal("-122.16165924072"),
                "Philz Coffee",
                "101 Forest Ave, Palo Alto, CA 94301"));
  }

  @Test
  @DisplayName("shared contact: name with accents, phone with its wa_id, organisation")
  void sharedContact() throws MalformedPayloadException {
    Contacts contacts = content("inbound-contact-sharing-message.json", Contacts.class);
    assertThat(contacts.cards())
        .containsExactly(
            new ContactCard(
                "Lucía Gómez",
                List.of(new ContactCard.Entry("MOBILE", "+1 (983) 555-2319")),
                List.of(),
                List.of(),
                "Google",
                "19835552319"));
  }

  @Test
  @DisplayName("interactive replies: button and list row ids and titles, quoting our message")
  void interactiveReplies() throws MalformedPayloadException {
    CustomerMessage button = single("inbound-interactive-button-reply-message.json");
    assertThat(button.content())
        .isInstanceOfSatisfying(
            InteractiveReply.class,
            r -> {
              assertThat(r.kind()).isEqualTo(InteractiveReply.Kind.BUTTON);
              assertThat(r.title()).isEqualTo("Cancel");
              assertThat(r.id()).isNotBlank();
            });
    assertThat(button.context().quotedExternalId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
    assertThat(content("inbound-interactive-list-reply-message.json", InteractiveReply.class))
        .isEqualTo(
            new InteractiveReply(
                InteractiveReply.Kind.LIST,
                "priority_express",
                "Priority Mail Express",
                "Next Day to 2 Days",
                null));
  }

  @Test
  @DisplayName("template quick-reply button: payload as id, text as title, quoting the template")
  void templateButton() throws MalformedPayloadException {
    CustomerMessage m = single("inbound-button-message.json");
    assertThat(m.content())
        .isEqualTo(
            new InteractiveReply(
                InteractiveReply.Kind.TEMPLATE_BUTTON, "Unsubscribe", "Unsubscribe", null, null));
    assertThat(m.context().quotedExternalId()).startsWith("wamid.");
  }

  @Test
  @DisplayName("reaction: the emoji and the message reacted to")
  void reaction() throws MalformedPayloadException {
    assertThat(content("inbound-reaction-message.json", Reaction.class))
        .isEqualTo(
            new Reaction("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA", "👍"));
  }

  @Test
  @DisplayName("order: catalog, lines with quantity and exact price, total; an empty note is none")
  void order() throws MalformedPayloadException {
    Order order = content("inbound-order-message.json", Order.class);
    assertThat(order.catalogId()).isEqualTo("194836987003835");
    assertThat(order.items())
        .containsExactly(
            new OrderItem("di9ozbzfi4", 2, new BigDecimal("30"), "USD"),
            new OrderItem("nqryix03ez", 1, new BigDecimal("25"), "USD"));
    assertThat(order.total()).isEqualByComparingTo("85");
    assertThat(order.currency()).isEqualTo("USD");
    assertThat(order.note()).isNull();
  }

  @Test
  @DisplayName("product inquiry: text quoting the product message")
  void productInquiry() throws MalformedPayloadException {
    CustomerMessage inquiry = single("inbound-text-message-with-context-product-inquiry.json");
    assertThat(inquiry.content()).isEqualTo(Text.of("Is this still available?"));
    assertThat(inquiry.context().quotedExternalId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA");
    assertThat(inquiry.rawJson()).contains("referred_product");
  }

  @Test
  @DisplayName("click-to-WhatsApp ad: the referral with its click id")
  void adReferral() throws MalformedPayloadException {
    CustomerMessage ad = single("inbound-text-message-from-click-to-whatsapp-ad.json");
    assertThat(ad.content()).isEqualTo(Text.of("Hello! Can I get more info on this?"));
    Referral referral = ad.context().referral();
    assertThat(referral.sourceType()).isEqualTo("ad");
    assertThat(referral.sourceId()).isEqualTo("120226305854810726");
    assertThat(referral.sourceUrl()).isEqualTo("https://fb.me/3cr4Wqqkv");
    assertThat(referral.headline()).isEqualTo("Chat with us");
    assertThat(referral.body()).isEqualTo("Summer Succulents are here!");
    assertThat(referral.mediaType()).isEqualTo("image");
    assertThat(referral.clickId()).startsWith("Aff-n8ZTODiE79d22KtAwQKj9e_");
  }

  @Test
  @DisplayName("system message: number changed, from the old to the new wa_id")
  void systemNumberChange() throws MalformedPayloadException {
    CustomerMessage system = single("inbound-system-message.json");
    assertThat(system.content())
        .isEqualTo(
            new SystemNotice(
                SystemNotice.Kind.NUMBER_CHANGED,
                "User Sheena Nelson changed from 16505551234 to 12195555358",
                SHEENA,
                "12195555358"));
    assertThat(system.from().channelUserId()).isEqualTo(SHEENA);
    assertThat(system.from().displayName()).isNull();
  }

  @Test
  @DisplayName("unsupported message: kept as Unsupported with WhatsApp's reason and code")
  void unsupported() throws MalformedPayloadException {
    Unsupported u = content("inbound-unsupported-message.json", Unsupported.class);
    assertThat(u.channelType()).isEqualTo("unsupported");
    assertThat(u.reason())
        .isEqualTo("Message type is currently not supported. (WhatsApp error 131051)");
    assertThat(u.rawJson()).contains("131051");
  }

  @Test
  @DisplayName("a batch of two messages gives two events in order, with distinct dedupe keys")
  void batch() throws MalformedPayloadException {
    assertThat(receiver.parse(WhatsAppContractSamples.webhook("inbound-batch-two-messages.json")))
        .extracting(InboundEvent::dedupeKey)
        .containsExactly("msg:wamid.BATCH001", "msg:wamid.BATCH002");
  }

  @Test
  @DisplayName("statuses sent, delivered, read of one message share its id and differ in key")
  void statuses() throws MalformedPayloadException {
    DeliveryUpdate sent = status("status-sent.json");
    DeliveryUpdate delivered = status("status-delivered.json");
    DeliveryUpdate read = status("status-read.json");
    assertThat(List.of(sent, delivered, read))
        .extracting(DeliveryUpdate::status)
        .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
    assertThat(sent.externalMessageId()).isEqualTo("wamid.OUT0001");
    assertThat(sent.accountId()).isEqualTo(OUR_NUMBER_ID);
    assertThat(sent.recipientId()).isEqualTo(SHEENA);
    assertThat(sent.at()).isEqualTo(Instant.ofEpochSecond(1749416600));
    assertThat(sent.failure()).isNull();
    assertThat(List.of(sent, delivered, read))
        .extracting(DeliveryUpdate::dedupeKey)
        .containsExactly(
            "status:wamid.OUT0001:sent",
            "status:wamid.OUT0001:delivered",
            "status:wamid.OUT0001:read");
  }

  @Test
  @DisplayName(
      "failed status: code 131047 is WINDOW_CLOSED, explained in plain words, then Meta's title"
          + " and details")
  void failedStatus() throws MalformedPayloadException {
    DeliveryUpdate failed = status("status-failed-131047.json");
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.failure())
        .isEqualTo(
            new DeliveryUpdate.Failure(
                "131047",
                FailureReason.WINDOW_CLOSED,
                "more than 24 hours have passed since the customer's last message, so only an"
                    + " approved template can be sent now (WhatsApp 131047: Re-engagement message:"
                    + " Message failed to send because more than 24 hours have passed since the"
                    + " customer last replied to this number.)"));
  }

  @Test
  @DisplayName("group changes are not messages: no events, no error")
  void groupChangesGiveNoEvents() throws MalformedPayloadException {
    for (String name :
        List.of(
            "group-create-message.json",
            "group-remove-participants.json",
            "group-settings-update.json")) {
      assertThat(receiver.parse(WhatsAppContractSamples.webhook(name))).as(name).isEmpty();
    }
  }

  private <T> T content(String sample, Class<T> type) throws MalformedPayloadException {
    CustomerMessage m = single(sample);
    assertThat(m.content()).isInstanceOf(type);
    return type.cast(m.content());
  }

  private CustomerMessage single(String sample) throws MalformedPayloadException {
    List<InboundEvent> events = receiver.parse(WhatsAppContractSamples.webhook(sample));
    assertThat(events).hasSize(1).first().isInstanceOf(CustomerMessage.class);
    return (CustomerMessage) events.get(0);
  }

  private DeliveryUpdate status(String sample) throws MalformedPayloadException {
    List<InboundEvent> events = receiver.parse(WhatsAppContractSamples.webhook(sample));
    assertThat(events).hasSize(1).first().isInstanceOf(DeliveryUpdate.class);
    return (DeliveryUpdate) events.get(0);
  }
}
