package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.GraphApiStub.metaError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginEnvironment;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.content.Interactive;
import io.switchboard.spi.content.Location;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.Reaction;
import io.switchboard.spi.content.Template;
import io.switchboard.spi.content.TemplateComponent;
import io.switchboard.spi.content.TemplateParameter;
import io.switchboard.spi.content.Text;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sending text and classifying every kind of failure, against a loopback stub answering like the
 * Graph API (Prism cannot produce Meta's business errors; see WhatsAppCloudSendIT for the
 * contract).
 */
class WhatsAppCloudSendTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-08T21:00:00Z"), ZoneOffset.UTC);
  private static final String OK =
      "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"16505551234\",\"wa_id\":"
          + "\"16505551234\"}],\"messages\":[{\"id\":\"wamid.SENT0001\"}]}";

  private GraphApiStub graph;
  private WhatsAppCloudConnectorFactory factory;
  private ChannelConnector connector;

  @BeforeEach
  void start() throws Exception {
    graph = new GraphApiStub();
    factory = new WhatsAppCloudConnectorFactory();
    connector = connect(graph.baseUrl());
  }

  @AfterEach
  void stop() {
    connector.close();
    factory.close();
    graph.close();
  }

  private ChannelConnector connect(String baseUrl) throws InvalidConfigurationException {
    Map<String, String> config = new HashMap<>(WhatsAppCloudConnectorContractTest.accountConfig());
    config.put("graphApiBaseUrl", baseUrl);
    config.put("requestTimeout", "PT1S");
    return factory.create(
        PluginConfig.of(factory.options(), config), new PluginContext("wa", CLOCK));
  }

  private static OutboundMessage text(String body) {
    return send(Text.of(body));
  }

  private static OutboundMessage send(io.switchboard.spi.content.OutboundContent content) {
    return new OutboundMessage("rt:62", "16505551234", "+16505551234", content, null, null);
  }

  private String sentBody(io.switchboard.spi.content.OutboundContent content) throws Exception {
    graph.answer(200, OK);
    connector.send(send(content));
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
      "a text goes to /{phoneNumberId}/messages with the bearer token; the wamid comes back")
  void textIsSent() throws Exception {
    graph.answer(200, OK);
    assertThat(connector.send(text("Your order ships tomorrow.")).externalMessageId())
        .isEqualTo("wamid.SENT0001");
    GraphApiStub.Received request = graph.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v23.0/106540352242922/messages");
    assertThat(request.headers().get("Content-type")).containsExactly("application/json");
    // Meta's contract: User-Agent must match name/x.y.z[;k=v][ name/version]
    assertThat(request.headers().get("User-agent"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches(
            "^[a-zA-Z0-9\\-_]+/[0-9]+\\.[0-9]+\\.[0-9]+(;[a-zA-Z0-9\\-=\\.]+)?"
                + "(\\s+[a-zA-Z0-9\\-_]+/[0-9\\-\\.]+)?$");
    assertThat(request.headers().get("Authorization"))
        .containsExactly("Bearer EAAG-test-access-token");
    assertThat(request.body())
        .isEqualTo(
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                + "\"to\":\"16505551234\",\"type\":\"text\","
                + "\"text\":{\"preview_url\":false,\"body\":\"Your order ships tomorrow.\"}}");
  }

  @Test
  @DisplayName("a reply quotes the customer's message with context.message_id; text is escaped")
  void replyCarriesContext() throws Exception {
    graph.answer(200, OK);
    connector.send(
        new OutboundMessage(
            "rt:63", "16505551234", null, Text.of("Sí, \"azul\" 📦\nok"), "wamid.IN1", null));
    assertThat(graph.received().get(0).body())
        .isEqualTo(
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                + "\"to\":\"16505551234\",\"type\":\"text\",\"context\":{\"message_id\":\"wamid.IN1\"},"
                + "\"text\":{\"preview_url\":false,\"body\":\"Sí, \\\"azul\\\" 📦\\nok\"}}");
  }

  @Test
  @DisplayName("131047 (24-hour window closed) is permanent, with the code and a template hint")
  void reEngagementIsPermanent() {
    graph.answer(
        400,
        metaError(
            131047,
            "OAuthException",
            "Re-engagement message",
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number."));
    assertThatThrownBy(() -> connector.send(text("Hello again")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> {
              assertThat(e.code()).contains("131047");
              assertThat(e.reason()).isEqualTo(FailureReason.WINDOW_CLOSED);
            })
        .hasMessageContaining("Re-engagement message")
        .hasMessageContaining("only an approved template")
        .hasMessageContaining("fbtrace_id AbCdEf123");
  }

  @Test
  @DisplayName("190 (expired token) is permanent and says to renew the token")
  void expiredTokenIsPermanent() {
    graph.answer(
        401,
        metaError(
            190, "OAuthException", "Error validating access token: Session has expired", "x"));
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> {
              assertThat(e.code()).contains("190");
              assertThat(e.reason()).isEqualTo(FailureReason.AUTH_FAILED);
            })
        .hasMessageContaining("renew the accessToken");
  }

  @Test
  @DisplayName("100 (invalid parameter) and an unknown 4xx are permanent with their codes")
  void otherClientErrorsArePermanent() {
    graph.answer(400, metaError(100, "OAuthException", "Invalid parameter", "to is invalid"));
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.code()).contains("100"));
    graph.answer(404, "<html>not found</html>");
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> {
              assertThat(e.code()).contains("http-404");
              assertThat(e.reason()).isEqualTo(FailureReason.NOT_FOUND);
            })
        .hasMessageContaining("HTTP 404 without a Graph API error body");
  }

  @Test
  @DisplayName("HTTP 429 with Retry-After seconds is retryable after that delay")
  void tooManyRequestsHonoursRetryAfter() {
    graph.answer(
        429,
        Map.of("Retry-After", "30"),
        metaError(80007, "OAuthException", "Rate limit issues", "x"));
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
  }

  @Test
  @DisplayName("Retry-After as an HTTP date is measured from the injected clock")
  void retryAfterDateUsesTheClock() {
    graph.answer(503, Map.of("Retry-After", "Sun, 08 Jun 2025 21:02:00 GMT"), "");
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(2)));
  }

  @Test
  @DisplayName("130429 (throughput) is retryable even though Meta answers 400")
  void throughputLimitIsRetryable() {
    graph.answer(
        400,
        metaError(
            130429,
            "OAuthException",
            "Rate limit hit",
            "Cloud API message throughput has been reached."));
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED))
        .hasMessageContaining("130429");
  }

  @Test
  @DisplayName(
      "131056 (pair rate limit) waits for this customer only, at least 6 s; 131048 a minute")
  void pairRateLimitWaitsSixSeconds() {
    graph.answer(
        400,
        metaError(
            131056,
            "OAuthException",
            "(Business Account, Consumer Account) pair rate limit hit",
            "x"));
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(6));
              assertThat(e.reason()).isEqualTo(FailureReason.RECIPIENT_RATE_LIMITED);
              assertThat(e.code()).contains("131056");
            });
    graph.answer(400, metaError(131048, "OAuthException", "Spam rate limit hit", "x"));
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
              assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED);
            });
    graph.answer(
        400,
        Map.of("Retry-After", "20"),
        metaError(131056, "OAuthException", "pair rate limit hit", "x"));
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(20)));
  }

  @Test
  @DisplayName("HTTP 500 is retryable, with or without Meta's error body")
  void serverErrorIsRetryable() {
    graph.answer(500, metaError(131000, "OAuthException", "Something went wrong", "x"));
    assertThatThrownBy(() -> connector.send(text("Hi"))).isInstanceOf(RetryableException.class);
    graph.answer(502, "Bad gateway");
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            RetryableException.class,
            e -> {
              assertThat(e.retryAfter()).isEmpty();
              assertThat(e.reason()).isEqualTo(FailureReason.UNAVAILABLE);
            });
  }

  @Test
  @DisplayName("an error Meta flags is_transient is retryable")
  void transientErrorIsRetryable() {
    graph.answer(400, "{\"error\":{\"message\":\"Temporary\",\"code\":2,\"is_transient\":true}}");
    assertThatThrownBy(() -> connector.send(text("Hi"))).isInstanceOf(RetryableException.class);
  }

  @Test
  @DisplayName("no answer within requestTimeout is retryable")
  void timeoutIsRetryable() {
    graph.hang();
    long started = System.nanoTime();
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("not reachable");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("a refused connection is retryable")
  void refusedConnectionIsRetryable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ChannelConnector unreachable = connect("http://127.0.0.1:" + closedPort + "/v23.0")) {
      assertThatThrownBy(() -> unreachable.send(text("Hi"))).isInstanceOf(RetryableException.class);
    }
  }

  @Test
  @DisplayName("a 200 without a message id is permanent: it may have been sent, so never retried")
  void okWithoutMessageIdIsPermanent() {
    graph.answer(200, "{\"messaging_product\":\"whatsapp\"}");
    assertThatThrownBy(() -> connector.send(text("Hi")))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.code()).contains("no-message-id"));
  }

  @Test
  @DisplayName("link previews are asked for when the text wants one")
  void previewUrlIsSent() throws Exception {
    assertThat(sentBody(new Text("See https://example.com/track/4567", true)))
        .isEqualTo(
            envelope(
                "text", "{\"preview_url\":true,\"body\":\"See https://example.com/track/4567\"}"));
  }

  @Test
  @DisplayName("mark as read: status read with the message id; the receipt names that message")
  void markReadIsSent() throws Exception {
    graph.answer(200, "{\"success\":true}");
    assertThat(connector.send(send(new MarkRead("wamid.IN7", false))).externalMessageId())
        .isEqualTo("wamid.IN7");
    assertThat(graph.received().get(0).body())
        .isEqualTo(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.IN7\"}");
    connector.send(send(new MarkRead("wamid.IN8", true)));
    assertThat(graph.received().get(1).body()).contains("\"typing_indicator\":{\"type\":\"text\"}");
  }

  @Test
  @DisplayName("reaction, location (coordinates exact) and media by link are written as Meta wants")
  void smallTypesAreSent() throws Exception {
    assertThat(sentBody(new Reaction("wamid.IN1", "👍")))
        .isEqualTo(envelope("reaction", "{\"message_id\":\"wamid.IN1\",\"emoji\":\"👍\"}"));
    assertThat(
            sentBody(
                new Location(
                    new BigDecimal("24.7136000001"), new BigDecimal("46.6753"), "Riyadh", null)))
        .isEqualTo(
            envelope(
                "location",
                "{\"latitude\":24.7136000001,\"longitude\":46.6753,\"name\":\"Riyadh\"}"));
    assertThat(
            sentBody(
                Media.byLink(MediaKind.DOCUMENT, "https://shop.example/i.pdf", "Invoice")
                    .withFileName("invoice.pdf")))
        .isEqualTo(
            envelope(
                "document",
                "{\"link\":\"https://shop.example/i.pdf\",\"caption\":\"Invoice\","
                    + "\"filename\":\"invoice.pdf\"}"));
    assertThat(sentBody(Media.byLink(MediaKind.VOICE, "https://shop.example/v.ogg", "ignored")))
        .isEqualTo(envelope("audio", "{\"link\":\"https://shop.example/v.ogg\"}"));
  }

  @Test
  @DisplayName("a template with text, currency and a URL button parameter")
  void templateIsSent() throws Exception {
    Template template =
        new Template(
            "order_update",
            "ar",
            List.of(
                TemplateComponent.body(
                    TemplateParameter.text("4567"),
                    TemplateParameter.currency(new BigDecimal("99.8"), "AED", "AED 99.80")),
                TemplateComponent.urlButton(1, "4567")));
    assertThat(sentBody(template))
        .isEqualTo(
            envelope(
                "template",
                "{\"name\":\"order_update\",\"language\":{\"code\":\"ar\"},\"components\":["
                    + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"4567\"},"
                    + "{\"type\":\"currency\",\"currency\":{\"fallback_value\":\"AED 99.80\","
                    + "\"code\":\"AED\",\"amount_1000\":99800}}]},"
                    + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"1\","
                    + "\"parameters\":[{\"type\":\"text\",\"text\":\"4567\"}]}]}"));
  }

  @Test
  @DisplayName("an amount with more than 3 decimals is refused before sending")
  void templateAmountPrecisionIsChecked() {
    Template template =
        new Template(
            "t",
            "en",
            List.of(
                TemplateComponent.body(
                    TemplateParameter.currency(new BigDecimal("1.0005"), "USD", "$1"))));
    assertThatThrownBy(() -> connector.send(send(template)))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONTENT));
    assertThat(graph.received()).isEmpty();
  }

  @Test
  @DisplayName("reply buttons and a list message")
  void interactiveIsSent() throws Exception {
    assertThat(
            sentBody(
                Interactive.buttons(
                    "Is this your address?",
                    List.of(
                        new Interactive.Option("yes", "Yes", null),
                        new Interactive.Option("no", "No", null)))))
        .isEqualTo(
            envelope(
                "interactive",
                "{\"type\":\"button\",\"body\":{\"text\":\"Is this your address?\"},"
                    + "\"action\":{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":\"yes\","
                    + "\"title\":\"Yes\"}},{\"type\":\"reply\",\"reply\":{\"id\":\"no\","
                    + "\"title\":\"No\"}}]}}"));
    Interactive list =
        new Interactive(
            Interactive.Style.LIST,
            "Shipping",
            "Pick a speed",
            "Prices incl. VAT",
            "Options",
            List.of(
                new Interactive.Section(
                    "Fast", List.of(new Interactive.Option("x", "Express", "Next day")))));
    assertThat(sentBody(list))
        .isEqualTo(
            envelope(
                "interactive",
                "{\"type\":\"list\",\"header\":{\"type\":\"text\",\"text\":\"Shipping\"},"
                    + "\"body\":{\"text\":\"Pick a speed\"},\"footer\":{\"text\":\"Prices incl."
                    + " VAT\"},\"action\":{\"button\":\"Options\",\"sections\":[{\"title\":\"Fast\","
                    + "\"rows\":[{\"id\":\"x\",\"title\":\"Express\",\"description\":\"Next"
                    + " day\"}]}]}}"));
  }

  @Test
  @DisplayName("the send policy lists exactly what send supports, with Meta's windows and limits")
  void sendPolicyMatchesSend() {
    var policy = connector.sendPolicy();
    assertThat(policy.outboundTypes())
        .containsExactlyInAnyOrder(
            "text",
            "image",
            "video",
            "audio",
            "document",
            "sticker",
            "location",
            "contacts",
            "reaction",
            "interactive",
            "catalog_products",
            "template",
            "mark_read");
    assertThat(policy.windows())
        .extracting(w -> w.name() + "/" + w.opener() + "/" + w.length().toHours())
        .containsExactly("customer-service/CUSTOMER_MESSAGE/24", "free-entry-point/AD_REFERRAL/72");
    assertThat(policy.outsideWindows())
        .isEqualTo(io.switchboard.spi.channel.SendPolicy.OutsideWindows.TEMPLATES_ONLY);
    assertThat(policy.messagesPerSecond()).isEqualTo(80);
    assertThat(policy.samePairInterval()).isEqualTo(Duration.ofSeconds(6));
    assertThat(policy.maxTextLength()).isEqualTo(4096);
    assertThat(policy.maxMediaBytes())
        .containsEntry(MediaKind.IMAGE, 5L * 1024 * 1024)
        .containsEntry(MediaKind.DOCUMENT, 100L * 1024 * 1024)
        .containsEntry(MediaKind.STICKER, 100L * 1024)
        .containsEntry(MediaKind.ANIMATED_STICKER, 500L * 1024);
  }

  @Test
  @DisplayName("empty or over-long text and a non-numeric recipient are refused before sending")
  void badMessagesAreRefusedLocally() {
    assertThatThrownBy(() -> connector.send(text("  ")))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> {
              assertThat(e.code()).contains("empty-text");
              assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONTENT);
            });
    assertThatThrownBy(() -> connector.send(text("x".repeat(4097))))
        .isInstanceOfSatisfying(
            PermanentException.class,
            e -> {
              assertThat(e.code()).contains("text-too-long");
              assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
            })
        .hasMessageContaining("4096");
    OutboundMessage toPsid = new OutboundMessage("k", "psid-abc", null, Text.of("Hi"), null, null);
    assertThatThrownBy(() -> connector.send(toPsid))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.code()).contains("invalid-recipient"));
    assertThat(graph.received()).isEmpty();
  }

  @Test
  @DisplayName("catalog products: one product as product, several as product_list with a header")
  void catalogProducts() throws Exception {
    graph.answer(200, OK);
    connector.send(
        new OutboundMessage(
            "k",
            "16505551234",
            null,
            io.switchboard.spi.content.CatalogProducts.single("cat-1", "mug-blue", "Back!", null),
            null,
            null));
    assertThat(graph.received().get(0).body())
        .contains("\"type\":\"product\"")
        .contains("\"action\":{\"catalog_id\":\"cat-1\",\"product_retailer_id\":\"mug-blue\"}")
        .doesNotContain("header");
    graph.answer(200, OK);
    connector.send(
        new OutboundMessage(
            "k2",
            "16505551234",
            null,
            new io.switchboard.spi.content.CatalogProducts(
                "cat-1",
                "Summer",
                "Pick yours",
                null,
                List.of(
                    new io.switchboard.spi.content.CatalogProducts.Section(
                        "Mugs", List.of("mug-blue", "mug-red")))),
            null,
            null));
    assertThat(graph.received().get(1).body())
        .contains("\"type\":\"product_list\"")
        .contains("\"header\":{\"type\":\"text\",\"text\":\"Summer\"}")
        .contains(
            "\"sections\":[{\"title\":\"Mugs\",\"product_items\":[{\"product_retailer_id\":\"mug-blue\"},"
                + "{\"product_retailer_id\":\"mug-red\"}]}]");
    OutboundMessage noHeader =
        new OutboundMessage(
            "k3",
            "16505551234",
            null,
            new io.switchboard.spi.content.CatalogProducts(
                "cat-1",
                null,
                "Pick",
                null,
                List.of(
                    new io.switchboard.spi.content.CatalogProducts.Section(
                        "Mugs", List.of("a", "b")))),
            null,
            null);
    assertThatThrownBy(() -> connector.send(noHeader))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("needs a header");
    assertThat(graph.received()).hasSize(2);
  }

  @Test
  @DisplayName("a customer known only by a business-scoped user id is addressed by recipient")
  void businessScopedIdIsTheRecipient() throws Exception {
    graph.answer(200, OK);
    connector.send(
        new OutboundMessage("k", "US.13491208655302741918", null, Text.of("Hi"), null, null));
    assertThat(graph.received().get(0).body())
        .contains("\"recipient\":\"US.13491208655302741918\"")
        .doesNotContain("\"to\"");
  }

  @Test
  @DisplayName("the E.164 phone is used when the recipient id is not a WhatsApp id")
  void phoneIsUsedWhenIdIsNotNumeric() throws Exception {
    graph.answer(200, OK);
    connector.send(
        new OutboundMessage("k", "customer-7", "+16505551234", Text.of("Hi"), null, null));
    assertThat(graph.received().get(0).body()).contains("\"to\":\"16505551234\"");
  }

  @Test
  @DisplayName("all numbers share the factory's pool: closing one number leaves the others working")
  void numbersShareOnePool() throws Exception {
    ChannelConnector second = connect(graph.baseUrl());
    second.close();
    graph.answer(200, OK);
    assertThat(connector.send(text("still works")).externalMessageId()).isEqualTo("wamid.SENT0001");
    factory.close();
    assertThatThrownBy(() -> connector.send(text("after shutdown")))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("pool is closed");
  }

  @Test
  @DisplayName("init sizes the shared pool from max-connections; without init it has 50")
  void poolSizeComesFromTheEnvironment() {
    WhatsAppCloudConnectorFactory configured = new WhatsAppCloudConnectorFactory();
    configured.init(new PluginEnvironment(CLOCK, Map.of("max-connections", "7")));
    assertThat(configured.pool().maxConnections()).isEqualTo(7);
    configured.close();
    WhatsAppCloudConnectorFactory lazy = new WhatsAppCloudConnectorFactory();
    assertThat(lazy.pool().maxConnections()).isEqualTo(50);
    lazy.close();
  }

  @Test
  @DisplayName("configuration: phone number instead of its id, a zero timeout, app secret refused")
  void inconsistentConfigurationIsRefused() {
    Map<String, String> config = new HashMap<>(WhatsAppCloudConnectorContractTest.accountConfig());
    config.put("phoneNumberId", "+1 555 078 3881");
    config.put("requestTimeout", "PT0S");
    config.put("appSecret", "belongs to the app");
    assertThatThrownBy(() -> PluginConfig.of(factory.options(), config))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).startsWith("phoneNumberId must be the numeric"))
                    .anySatisfy(p -> assertThat(p).startsWith("requestTimeout must be more"))
                    .anySatisfy(p -> assertThat(p).startsWith("appSecret is not an option")));
  }
}
