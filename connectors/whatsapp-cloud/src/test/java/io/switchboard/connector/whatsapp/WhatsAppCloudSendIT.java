package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.switchboard.connector.whatsapp.testing.WhatsAppContractSamples;
import io.switchboard.connector.whatsapp.testing.WhatsAppContractSamples.SendCase;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendReceipt;
import io.switchboard.spi.channel.capability.TemplateCatalog;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import io.switchboard.spi.content.ContactCard;
import io.switchboard.spi.content.Contacts;
import io.switchboard.spi.content.Interactive;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import io.switchboard.spi.content.Text;
import io.switchboard.testkit.prism.PrismMock;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connector's requests against Meta's published Cloud API contract, served by a real Prism with
 * request validation: a 422 means the connector wrote a request the real API rejects.
 */
class WhatsAppCloudSendIT {

  @RegisterExtension static final PrismMock PRISM = PrismMock.whatsAppCloud();

  private static final String PHONE_NUMBER_ID = "106540352242922";

  private WhatsAppCloudConnectorFactory factory;
  private ChannelConnector connector;

  @BeforeEach
  void connect() throws Exception {
    factory = new WhatsAppCloudConnectorFactory();
    Map<String, String> config = new HashMap<>(WhatsAppCloudConnectorContractTest.accountConfig());
    config.put("graphApiBaseUrl", PRISM.baseUrl());
    connector =
        factory.create(
            PluginConfig.of(factory.options(), config),
            new PluginContext("wa-it", Clock.systemUTC()));
  }

  @AfterEach
  void close() {
    connector.close();
    factory.close();
  }

  @Test
  @DisplayName("a text message is a valid send request: Prism answers 200 with a wamid")
  void textIsAccepted() {
    SendReceipt receipt =
        sendOrFail(
            new OutboundMessage(
                "it:1",
                "16505551234",
                "+16505551234",
                Text.of("Your order 4567 ships tomorrow."),
                null,
                null));
    assertThat(receipt.externalMessageId()).startsWith("wamid.");
  }

  @Test
  @DisplayName("a reply quoting the customer's message is a valid send request")
  void replyWithContextIsAccepted() {
    SendReceipt receipt =
        sendOrFail(
            new OutboundMessage(
                "it:2",
                "16505551234",
                null,
                new Text("مرحبا، طلبك في الطريق 📦 \"quoted\"\nhttps://shop.example/t/4567", true),
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                null));
    assertThat(receipt.externalMessageId()).startsWith("wamid.");
  }

  @Test
  @DisplayName("a text of the maximum length is a valid send request")
  void longestTextIsAccepted() {
    sendOrFail(
        new OutboundMessage("it:3", "16505551234", null, Text.of("x".repeat(4096)), null, null));
  }

  @Test
  @DisplayName("mark as read, with and without typing indicator, is a valid request")
  void markReadIsAccepted() {
    sendOrFail(
        content(
            new MarkRead("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", false)));
    sendOrFail(
        content(
            new MarkRead("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", true)));
  }

  @Test
  @DisplayName("reaction, location and media by link are valid send requests")
  void smallTypesAreAccepted() {
    assertThat(sendOrFail(content(new Reaction("wamid.X", "👍"))).externalMessageId())
        .startsWith("wamid.");
    assertThat(sendOrFail(content(new Reaction("wamid.X", ""))).externalMessageId())
        .startsWith("wamid.");
    sendOrFail(
        content(
            new Location(
                new BigDecimal("24.7136"), new BigDecimal("46.6753"), "Riyadh", "King Fahd Rd")));
    sendOrFail(content(Media.byLink(MediaKind.IMAGE, "https://shop.example/a.jpg", "The lid")));
    sendOrFail(content(Media.byLink(MediaKind.VIDEO, "https://shop.example/a.mp4", null)));
    sendOrFail(content(Media.byLink(MediaKind.VOICE, "https://shop.example/a.ogg", null)));
    sendOrFail(
        content(
            Media.byLink(MediaKind.DOCUMENT, "https://shop.example/i.pdf", "Invoice")
                .withFileName("invoice.pdf")));
    sendOrFail(content(Media.byLink(MediaKind.STICKER, "https://shop.example/s.webp", null)));
  }

  @Test
  @DisplayName("templates with text, currency, date, media header and buttons are valid requests")
  void templatesAreAccepted() {
    sendOrFail(
        content(
            new Template(
                "order_update",
                "en_US",
                List.of(
                    TemplateComponent.header(
                        TemplateParameter.media(
                            Media.byLink(MediaKind.IMAGE, "https://shop.example/b.jpg", null))),
                    TemplateComponent.body(
                        TemplateParameter.text("Amal"),
                        TemplateParameter.currency(new BigDecimal("99.80"), "AED", "AED 99.80"),
                        new TemplateParameter.DateTimeValue(
                            null,
                            java.time.OffsetDateTime.parse("2025-06-09T10:00:00+04:00"),
                            "9 June 2025")),
                    TemplateComponent.urlButton(1, "4567"),
                    new TemplateComponent(
                        TemplateComponent.Part.BUTTON,
                        2,
                        "quick_reply",
                        List.of(TemplateParameter.text("STOP")))))));
  }

  @Test
  @DisplayName("reply buttons and list messages are valid requests")
  void interactiveIsAccepted() {
    sendOrFail(
        content(
            Interactive.buttons(
                "Is this your address?",
                List.of(
                    new Interactive.Option("yes", "Yes", null),
                    new Interactive.Option("no", "No", null)))));
    sendOrFail(
        content(
            new Interactive(
                Interactive.Style.LIST,
                "Shipping",
                "Pick a speed",
                "Prices incl. VAT",
                "Options",
                List.of(
                    new Interactive.Section(
                        "Fast",
                        List.of(
                            new Interactive.Option("x", "Express", "Next day"),
                            new Interactive.Option("s", "Standard", null)))))));
  }

  @Test
  @DisplayName("single- and multi-product catalog messages are valid requests")
  void catalogProductsAreAccepted() {
    sendOrFail(
        content(
            io.switchboard.spi.content.CatalogProducts.single(
                "146265584024623", "mug-blue", "The blue one is back", "Free delivery")));
    sendOrFail(
        content(
            new io.switchboard.spi.content.CatalogProducts(
                "146265584024623",
                "Summer mugs",
                "Pick yours",
                null,
                List.of(
                    new io.switchboard.spi.content.CatalogProducts.Section(
                        "Mugs", List.of("mug-blue", "mug-red")),
                    new io.switchboard.spi.content.CatalogProducts.Section(
                        "Lids", List.of("lid"))))));
  }

  @Test
  @DisplayName(
      "media by uploaded id (image, document, voice) and shared contacts are valid requests")
  void mediaByIdAndContactsAreAccepted() {
    sendOrFail(
        content(Media.byReference(MediaKind.IMAGE, "1013859600285441", "image/jpeg", "Lid")));
    sendOrFail(
        content(
            Media.byReference(MediaKind.DOCUMENT, "1013859600285442", "application/pdf", "Invoice")
                .withFileName("invoice.pdf")));
    sendOrFail(content(Media.byReference(MediaKind.VOICE, "1013859600285443", "audio/ogg", null)));
    sendOrFail(
        content(
            new Contacts(
                List.of(
                    new ContactCard(
                        "Amal Haddad",
                        List.of(
                            new ContactCard.Entry("CELL", "+971 50 123 4567"),
                            new ContactCard.Entry("WORK", "+971 4 555 0100")),
                        List.of(new ContactCard.Entry("WORK", "amal@haddad.example")),
                        List.of(new ContactCard.Entry("HOME", "12 Palm St, Dubai")),
                        "Haddad Trading",
                        "971501234567"),
                    new ContactCard("Sam", null, null, null, null, "16505550000")))));
    sendOrFail(
        content(
            new Template(
                "order_update",
                "en_US",
                List.of(
                    TemplateComponent.header(
                        TemplateParameter.media(
                            Media.byReference(MediaKind.DOCUMENT, "1013859600285442", null, null)
                                .withFileName("invoice.pdf")))))));
  }

  @Test
  @DisplayName("a media upload is a valid multipart request and its id comes back")
  void mediaUploadIsAccepted() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
    try {
      String id =
          connector.uploadMedia(new Attachment("lid.png", "image/png", png.length, null, png));
      assertThat(id).isNotBlank();
    } catch (PermanentException e) {
      fail("the contract rejected the upload: " + e.getMessage() + "\n" + PRISM.recentOutput());
    }
  }

  @Test
  @DisplayName(
      "retrieving a media URL is a valid request (bearer token, user agent, phone_number_id)")
  void mediaRetrieveIsAccepted() throws Exception {
    WhatsAppGraphClient graph = graphClient();
    WhatsAppGraphClient.Answer answer =
        graph.get(
            "/2621233374848975?phone_number_id=" + PHONE_NUMBER_ID,
            GraphApiFailureClassifier.Operation.MEDIA_DOWNLOAD);
    // The contract has many single-segment GET paths (/{Version}/{Media-ID},
    // /{Version}/{Phone-Number-ID}, /{Version}/{WABA-ID}, ...) that Prism cannot tell apart, so it
    // answers with another operation's example: what this proves is that the request (bearer
    // token, User-Agent, query) is valid; the answer's shape is tested against MediaDouble. The
    // download itself (GET of Meta's absolute lookaside URL with the same headers) cannot be
    // expressed against the contract's /{Version}/{Media-URL} and is tested against MediaDouble.
    assertThat(answer.status()).as(PRISM.recentOutput()).isEqualTo(200);
  }

  @Test
  @DisplayName("the message_templates list is a valid request and the contract's example parses")
  void templateListIsAccepted() throws Exception {
    Map<String, String> config = new HashMap<>(WhatsAppCloudConnectorContractTest.accountConfig());
    config.put("graphApiBaseUrl", PRISM.baseUrl());
    config.put("whatsAppBusinessAccountId", "102290129340398");
    try (ChannelConnector withWaba =
        factory.create(
            PluginConfig.of(factory.options(), config),
            new PluginContext("wa-it-waba", Clock.systemUTC()))) {
      List<TemplateDefinition> templates =
          withWaba.capability(TemplateCatalog.class).orElseThrow().templates();
      assertThat(templates).as(PRISM.recentOutput()).isNotEmpty();
      assertThat(templates).extracting(TemplateDefinition::name).contains("hello_world");
    } catch (PermanentException e) {
      fail(
          "the contract rejected the template list: "
              + e.getMessage()
              + "\n"
              + PRISM.recentOutput());
    }
  }

  private WhatsAppGraphClient graphClient() {
    jakarta.json.JsonReaderFactory readers =
        jakarta.json.spi.JsonProvider.provider().createReaderFactory(Map.of());
    return new WhatsAppGraphClient(
        PRISM.baseUrl(),
        PHONE_NUMBER_ID,
        "TEST_TOKEN",
        Duration.ofSeconds(20),
        factory.pool().client(),
        readers,
        new GraphApiFailureClassifier(readers, Clock.systemUTC()));
  }

  private static OutboundMessage content(OutboundContent content) {
    return new OutboundMessage("it:c", "16505551234", "+16505551234", content, null, null);
  }

  @Test
  @DisplayName("the mock really validates: every send case gets its expected status")
  void sendCasesGetTheirExpectedStatus() throws Exception {
    List<SendCase> cases = WhatsAppContractSamples.sendCases();
    assertThat(cases).hasSize(16);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (SendCase sendCase : cases) {
      HttpResponse<String> response =
          http.send(post(sendCase.json(), true), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode())
          .as("%s%nPrism said:%n%s", sendCase.json(), PRISM.recentOutput())
          .isEqualTo(sendCase.expectedStatus());
    }
  }

  @Test
  @DisplayName("the mock rejects a send without a bearer token with 401")
  void missingTokenIsUnauthorized() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                post(WhatsAppContractSamples.sendCases().get(0).json(), false),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static HttpRequest post(String json, boolean withToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(PRISM.baseUrl() + "/" + PHONE_NUMBER_ID + "/messages"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (withToken) {
      request.header("Authorization", "Bearer TEST_TOKEN");
    }
    return request.build();
  }

  /** Sends; a permanent failure here is a contract violation (Prism's 422) and fails the test. */
  private SendReceipt sendOrFail(OutboundMessage message) {
    try {
      return connector.send(message);
    } catch (PermanentException e) {
      return fail(
          "the WhatsApp Cloud API contract rejected the connector's request: "
              + e.getMessage()
              + "\nPrism said:\n"
              + PRISM.recentOutput());
    } catch (Exception e) {
      return fail("send failed: " + e, e);
    }
  }
}
