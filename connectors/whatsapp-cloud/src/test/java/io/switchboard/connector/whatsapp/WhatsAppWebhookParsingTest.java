package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryStatus;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.InboundEvent;
import io.switchboard.spi.channel.UnreadableEvent;
import io.switchboard.spi.content.InteractiveReply;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.SystemNotice;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.content.Unsupported;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The parser on bodies the samples do not cover: new ids, odd shapes, broken events. */
class WhatsAppWebhookParsingTest {

  private static final String SHEENA = "16505551234";
  private static final String OUR_NUMBER_ID = "106540352242922";

  private final WhatsAppWebhookParser parser =
      new WhatsAppWebhookParser(JsonProvider.provider().createReaderFactory(Map.of()));

  private WhatsAppWebhookBuilder body() {
    return WhatsAppWebhookBuilder.forPhoneNumberId(OUR_NUMBER_ID);
  }

  private static String message(String type, String payload) {
    return "{\"from\":\"16505551234\",\"id\":\"wamid.M1\",\"timestamp\":\"1749416383\",\"type\":\""
        + type
        + "\""
        + (payload == null ? "" : ",\"" + type + "\":" + payload)
        + "}";
  }

  @Test
  @DisplayName("a business-scoped user without wa_id: user_id is the id, no phone, others kept")
  void businessScopedUserWithoutPhone() throws MalformedPayloadException {
    byte[] body =
        body()
            .contactJson(
                "{\"profile\":{\"name\":\"Kerry\"},\"user_id\":\"US.13491208655302741918\","
                    + "\"parent_user_id\":\"US.ENT.11815799212886844830\",\"username\":\"kerry.f\"}")
            .messageJson(
                "{\"from_user_id\":\"US.13491208655302741918\",\"id\":\"wamid.B1\","
                    + "\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}")
            .toBytes();
    assertThat(single(body).from())
        .isEqualTo(
            new ChannelUser(
                "US.13491208655302741918",
                null,
                "Kerry",
                "kerry.f",
                List.of("US.ENT.11815799212886844830")));
  }

  @Test
  @DisplayName("a user with both wa_id and user_id: wa_id to reply to, phone, user id as other id")
  void userWithPhoneAndUserId() throws MalformedPayloadException {
    byte[] body =
        body()
            .contactJson(
                "{\"profile\":{\"name\":\"Sheena\"},\"wa_id\":\"16505551234\","
                    + "\"user_id\":\"US.777\"}")
            .messageJson(
                "{\"from\":\"16505551234\",\"from_user_id\":\"US.777\",\"id\":\"wamid.B2\","
                    + "\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}")
            .toBytes();
    ChannelUser from = single(body).from();
    assertThat(from.channelUserId()).isEqualTo(SHEENA);
    assertThat(from.phoneNumber()).isEqualTo(SHEENA);
    assertThat(from.otherIds()).containsExactly("US.777");
  }

  @Test
  @DisplayName("errors on a message of a known type make it Unsupported with the reason")
  void errorsMakeAMessageUnsupported() throws MalformedPayloadException {
    String json =
        "{\"from\":\"16505551234\",\"id\":\"wamid.E1\",\"timestamp\":\"1\",\"type\":\"video\","
            + "\"errors\":[{\"code\":131053,\"title\":\"Media upload error\"}]}";
    assertThat(single(body().messageJson(json).toBytes()).content())
        .isEqualTo(new Unsupported("video", json, "Media upload error (WhatsApp error 131053)"));
  }

  @Test
  @DisplayName("flow reply, animated sticker and forwarded context are read")
  void flowStickerAndForwarded() throws MalformedPayloadException {
    String flow =
        "{\"type\":\"nfm_reply\",\"nfm_reply\":{\"name\":\"flow\",\"body\":\"Sent\","
            + "\"response_json\":\"{\\\"flow_token\\\":\\\"t1\\\"}\"}}";
    assertThat(single(body().messageJson(message("interactive", flow)).toBytes()).content())
        .isEqualTo(
            new InteractiveReply(
                InteractiveReply.Kind.FLOW, "flow", "Sent", null, "{\"flow_token\":\"t1\"}"));
    Media sticker =
        (Media)
            single(
                    body()
                        .messageJson(message("sticker", "{\"id\":\"55\",\"animated\":true}"))
                        .toBytes())
                .content();
    assertThat(sticker.kind()).isEqualTo(MediaKind.ANIMATED_STICKER);
    String forwarded =
        "{\"from\":\"16505551234\",\"id\":\"wamid.F1\",\"timestamp\":\"1\",\"type\":\"text\","
            + "\"text\":{\"body\":\"fwd\"},\"context\":{\"forwarded\":true,"
            + "\"frequently_forwarded\":true}}";
    CustomerMessage m = single(body().messageJson(forwarded).toBytes());
    assertThat(m.context().forwarded()).isTrue();
    assertThat(m.context().frequentlyForwarded()).isTrue();
    assertThat(m.context().quotedExternalId()).isNull();
  }

  @Test
  @DisplayName("system notices: customer_changed_number with new_wa_id, user_changed_user_id")
  void systemNotices() throws MalformedPayloadException {
    String number =
        message(
            "system",
            "{\"body\":\"changed\",\"new_wa_id\":\"12195555358\","
                + "\"type\":\"customer_changed_number\"}");
    assertThat(single(body().messageJson(number).toBytes()).content())
        .isEqualTo(
            new SystemNotice(SystemNotice.Kind.NUMBER_CHANGED, "changed", SHEENA, "12195555358"));
    String userId =
        "{\"from_user_id\":\"US.1\",\"id\":\"wamid.S2\",\"timestamp\":\"1\",\"type\":\"system\","
            + "\"system\":{\"body\":\"new id\",\"type\":\"user_changed_user_id\","
            + "\"user_id\":\"US.2\"}}";
    assertThat(single(body().messageJson(userId).toBytes()).content())
        .isEqualTo(new SystemNotice(SystemNotice.Kind.USER_ID_CHANGED, "new id", "US.1", "US.2"));
  }

  @Test
  @DisplayName("an empty reaction emoji means the reaction was removed")
  void removedReaction() throws MalformedPayloadException {
    CustomerMessage m =
        single(
            body()
                .messageJson(message("reaction", "{\"message_id\":\"wamid.T\",\"emoji\":\"\"}"))
                .toBytes());
    assertThat(m.content().summary()).isEqualTo("Reaction removed");
  }

  @Test
  @DisplayName("unreadable messages and statuses are reported alone, at their position")
  void unreadableEventsAreIsolated() throws MalformedPayloadException {
    byte[] body =
        body()
            .text("wamid.OK1", SHEENA, "Sheena", "Hello", 1L)
            .messageJson("{\"from\":\"16505551234\",\"timestamp\":\"1\",\"type\":\"text\"}")
            .messageJson(
                "{\"from\":\"16505551234\",\"id\":\"wamid.T1\",\"timestamp\":\"yesterday\","
                    + "\"type\":\"text\",\"text\":{\"body\":\"x\"}}")
            .messageJson(message("image", "{\"mime_type\":\"image/jpeg\"}"))
            .messageJson("\"just a string\"")
            .statusJson("{\"id\":\"wamid.OUT1\",\"timestamp\":\"1\",\"recipient_id\":\"1\"}")
            .status("wamid.OUT2", "read", SHEENA, 2L)
            .toBytes();
    List<InboundEvent> events = parser.parse(body);
    assertThat(events).hasSize(7);
    assertThat(events.get(0)).isInstanceOf(CustomerMessage.class);
    assertThat(events.get(6)).isInstanceOf(DeliveryUpdate.class);
    List<UnreadableEvent> bad =
        events.subList(1, 6).stream().map(UnreadableEvent.class::cast).toList();
    assertThat(bad)
        .extracting(UnreadableEvent::reason)
        .containsExactly(
            "entry[0].changes[0].value.messages[1]: message has no \"id\"",
            "entry[0].changes[0].value.messages[2]: timestamp \"yesterday\" is not epoch seconds",
            "entry[0].changes[0].value.messages[3]: image message has no media \"id\"",
            "entry[0].changes[0].value.messages[4]: message is not a JSON object",
            "entry[0].changes[0].value.statuses[0]: status lacks \"status\"");
    assertThat(bad).allSatisfy(e -> assertThat(e.accountId()).isEqualTo(OUR_NUMBER_ID));
    assertThat(bad.get(0).dedupeKey()).matches("unreadable:0:0:message1:[0-9a-f]{16}");
    assertThat(bad.get(4).dedupeKey()).matches("unreadable:0:0:status0:[0-9a-f]{16}");
    assertThat(bad.get(3).rawJson()).isEqualTo("\"just a string\"");
  }

  @Test
  @DisplayName("two different bad messages at the same position have different keys")
  void unreadableKeysDependOnContent() throws MalformedPayloadException {
    String a = body().messageJson("{\"type\":\"text\"}").toJson();
    String b = body().messageJson("{\"type\":\"image\"}").toJson();
    assertThat(parser.parse(a.getBytes(StandardCharsets.UTF_8)).get(0).dedupeKey())
        .isNotEqualTo(parser.parse(b.getBytes(StandardCharsets.UTF_8)).get(0).dedupeKey());
  }

  @Test
  @DisplayName("a change without phone_number_id: its events are unreadable, others still parse")
  void changeWithoutAccount() throws MalformedPayloadException {
    String noAccount =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":"
            + "\"messages\",\"value\":{\"messages\":[{\"from\":\"1\",\"id\":\"wamid.A\","
            + "\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}]}}]},"
            + "\"not an entry\","
            + body()
                .text("wamid.OK", SHEENA, "S", "y", 1L)
                .toJson()
                .replaceAll(".*\"entry\":\\[", "")
                .replaceAll("\\]}$", "")
            + "]}";
    List<InboundEvent> events = parser.parse(noAccount.getBytes(StandardCharsets.UTF_8));
    assertThat(events).hasSize(3);
    assertThat(events)
        .filteredOn(UnreadableEvent.class::isInstance)
        .extracting(InboundEvent::accountId)
        .containsExactlyInAnyOrder("", "");
    assertThat(events)
        .filteredOn(CustomerMessage.class::isInstance)
        .extracting(InboundEvent::accountId)
        .containsExactly(OUR_NUMBER_ID);
  }

  @Test
  @DisplayName("statuses: unknown values skipped, pricing kept, failure codes mapped once")
  void statusDetails() throws MalformedPayloadException {
    byte[] body =
        body()
            .status("wamid.OUT9", "deleted", SHEENA, 1L)
            .statusJson(
                "{\"id\":\"wamid.OUT9\",\"status\":\"delivered\",\"timestamp\":\"2\","
                    + "\"recipient_id\":\"16505551234\",\"pricing\":{\"billable\":true,"
                    + "\"category\":\"service\",\"pricing_model\":\"PMP\"}}")
            .failedStatus("wamid.OUT8", SHEENA, 131056, "Pair rate limit hit", 3L)
            .toBytes();
    List<InboundEvent> events = parser.parse(body);
    assertThat(events).hasSize(2);
    DeliveryUpdate delivered = (DeliveryUpdate) events.get(0);
    assertThat(delivered.pricingCategory()).isEqualTo("service");
    DeliveryUpdate failed = (DeliveryUpdate) events.get(1);
    assertThat(failed)
        .isEqualTo(
            new DeliveryUpdate(
                "wamid.OUT8",
                OUR_NUMBER_ID,
                DeliveryStatus.FAILED,
                Instant.ofEpochSecond(3),
                SHEENA,
                new DeliveryUpdate.Failure(
                    "131056",
                    FailureReason.RECIPIENT_RATE_LIMITED,
                    "too many messages were sent to this customer in a short time; the message"
                        + " will be sent again in a few seconds (WhatsApp 131056: Pair rate limit"
                        + " hit)"),
                null));
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
  @DisplayName("messages to another number of the same app keep that number as account id")
  void otherBusinessNumberIsKept() throws MalformedPayloadException {
    String body =
        WhatsAppWebhookBuilder.textMessage("999000111", SHEENA, "Sheena", "wamid.X1", "Hi", 1L);
    assertThat(single(body.getBytes(StandardCharsets.UTF_8)).accountId()).isEqualTo("999000111");
  }

  @Test
  @DisplayName("builder bodies parse exactly: escaped text and profile name")
  void builderBodiesParse() throws MalformedPayloadException {
    String text = "Line 1\n\"quoted\" \\ مرحبا 📦";
    CustomerMessage m =
        single(
            WhatsAppWebhookBuilder.textMessage(
                    OUR_NUMBER_ID, SHEENA, "Kerry \"K\" Fisher", "wamid.B1", text, 1749416383L)
                .getBytes(StandardCharsets.UTF_8));
    assertThat(m.content()).isEqualTo(Text.of(text));
    assertThat(m.from().displayName()).isEqualTo("Kerry \"K\" Fisher");
  }

  private CustomerMessage single(byte[] body) throws MalformedPayloadException {
    List<InboundEvent> events = parser.parse(body);
    assertThat(events).hasSize(1).first().isInstanceOf(CustomerMessage.class);
    return (CustomerMessage) events.get(0);
  }
}
