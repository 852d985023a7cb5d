package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Shared contacts, media by uploaded id and coupon-code buttons, as written to the Graph API. */
class WhatsAppOutboundShapesTest {

  private static final String OK =
      "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.SENT0002\"}]}";

  private GraphApiStub graph;
  private WhatsAppCloudConnectorFactory factory;
  private ChannelConnector connector;

  @BeforeEach
  void start() throws Exception {
    graph = new GraphApiStub();
    factory = new WhatsAppCloudConnectorFactory();
    connector = StubAccount.connect(factory, graph, Map.of());
    graph.answer(200, OK);
  }

  @AfterEach
  void stop() {
    connector.close();
    factory.close();
    graph.close();
  }

  private String sent(OutboundContent content, String replyTo) throws Exception {
    connector.send(
        new OutboundMessage("rt:1", "16505551234", "+16505551234", content, replyTo, null));
    return graph.received().get(graph.received().size() - 1).body();
  }

  private static String envelope(String type, String payload) {
    return "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
        + "\"to\":\"16505551234\",\"type\":\""
        + type
        + "\",\""
        + type
        + "\":"
        + payload
        + "}";
  }

  @Test
  @DisplayName(
      "a contact card goes with every field: name, phones with wa_id, e-mails, addresses, org")
  void contactCardIsSentWhole() throws Exception {
    ContactCard amal =
        new ContactCard(
            "Amal Haddad",
            List.of(
                new ContactCard.Entry("CELL", "+971 50 123 4567"),
                new ContactCard.Entry("work", "+971 4 555 0100")),
            List.of(new ContactCard.Entry("WORK", "amal@haddad.example")),
            List.of(new ContactCard.Entry("HOME", "12 Palm St, 00000 Dubai, AE")),
            "Haddad Trading",
            "971501234567");
    assertThat(sent(new Contacts(List.of(amal)), null))
        .isEqualTo(
            envelope(
                "contacts",
                "[{\"name\":{\"formatted_name\":\"Amal Haddad\",\"first_name\":\"Amal Haddad\"},"
                    + "\"phones\":[{\"phone\":\"+971 50 123 4567\",\"wa_id\":\"971501234567\"},"
                    + "{\"phone\":\"+971 4 555 0100\",\"type\":\"WORK\"}],"
                    + "\"emails\":[{\"email\":\"amal@haddad.example\",\"type\":\"WORK\"}],"
                    + "\"addresses\":[{\"street\":\"12 Palm St, 00000 Dubai, AE\","
                    + "\"type\":\"HOME\"}],\"org\":{\"company\":\"Haddad Trading\"}}]"));
  }

  @Test
  @DisplayName(
      "a card with only a WhatsApp id gets a phone for it; nameless or 6 cards are refused")
  void contactEdgeCases() throws Exception {
    ContactCard idOnly = new ContactCard("Sam", null, null, null, null, "16505550000");
    assertThat(sent(new Contacts(List.of(idOnly)), "wamid.Q"))
        .contains("\"context\":{\"message_id\":\"wamid.Q\"}")
        .contains("\"phones\":[{\"phone\":\"+16505550000\",\"wa_id\":\"16505550000\"}]");
    int before = graph.received().size();
    ContactCard nameless = new ContactCard(null, null, null, null, null, null);
    assertThatThrownBy(() -> sent(new Contacts(List.of(nameless)), null))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONTENT))
        .hasMessageContaining("needs a name");
    assertThatThrownBy(() -> sent(new Contacts(Collections.nCopies(6, idOnly)), null))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE))
        .hasMessageContaining("1 to 5 contacts");
    assertThat(graph.received()).hasSize(before);
  }

  @Test
  @DisplayName(
      "media by uploaded id: image with caption, document with file name, audio without caption")
  void mediaByIdIsSent() throws Exception {
    assertThat(
            sent(Media.byReference(MediaKind.IMAGE, "1013859600285441", "image/jpeg", "Lid"), null))
        .isEqualTo(envelope("image", "{\"id\":\"1013859600285441\",\"caption\":\"Lid\"}"));
    assertThat(
            sent(
                Media.byReference(MediaKind.DOCUMENT, "55", "application/pdf", "Invoice")
                    .withFileName("invoice.pdf"),
                null))
        .isEqualTo(
            envelope(
                "document",
                "{\"id\":\"55\",\"caption\":\"Invoice\",\"filename\":\"invoice.pdf\"}"));
    assertThat(sent(Media.byReference(MediaKind.VOICE, "56", "audio/ogg", "ignored"), null))
        .isEqualTo(envelope("audio", "{\"id\":\"56\"}"));
  }

  @Test
  @DisplayName("a reference that is not a WhatsApp media id is refused before any call")
  void foreignReferenceIsRefused() {
    assertThatThrownBy(
            () ->
                sent(
                    Media.byReference(MediaKind.IMAGE, "rt-attachment:7", "image/png", null), null))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONTENT))
        .hasMessageContaining("upload the file to WhatsApp first");
    assertThat(graph.received()).isEmpty();
  }

  @Test
  @DisplayName("a copy_code button sends the coupon code as Meta's coupon template guide shows")
  void copyCodeButtonIsSent() throws Exception {
    Template coupon =
        new Template(
            "fall_sale",
            "en_US",
            List.of(
                TemplateComponent.body(TemplateParameter.text("25OFF")),
                new TemplateComponent(
                    TemplateComponent.Part.BUTTON,
                    1,
                    "copy_code",
                    List.of(TemplateParameter.text("25OFF")))));
    assertThat(sent(coupon, null))
        .contains(
            "{\"type\":\"button\",\"sub_type\":\"COPY_CODE\",\"index\":\"1\",\"parameters\":"
                + "[{\"type\":\"coupon_code\",\"coupon_code\":\"25OFF\"}]}");
    Template bad =
        new Template(
            "fall_sale",
            "en_US",
            List.of(
                new TemplateComponent(
                    TemplateComponent.Part.BUTTON,
                    0,
                    "copy_code",
                    List.of(TemplateParameter.text("25% OFF!")))));
    assertThatThrownBy(() -> sent(bad, null))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONTENT))
        .hasMessageContaining("1 to 15 letters or digits");
  }

  @Test
  @DisplayName("a template media header may be an uploaded id")
  void templateHeaderById() throws Exception {
    Template t =
        new Template(
            "order_update",
            "en",
            List.of(
                TemplateComponent.header(
                    TemplateParameter.media(
                        Media.byReference(MediaKind.IMAGE, "57", "image/png", null)))));
    assertThat(sent(t, null))
        .contains(
            "{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"id\":\"57\"}}]}");
  }
}
