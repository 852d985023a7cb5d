package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.GraphApiStub.metaError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.MessageContent;
import io.switchboard.spi.channel.OutboundMessage;
import java.io.IOException;
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
  private ChannelConnector connector;

  @BeforeEach
  void start() throws Exception {
    graph = new GraphApiStub();
    connector = connect(graph.baseUrl());
  }

  @AfterEach
  void stop() {
    connector.close();
    graph.close();
  }

  private static ChannelConnector connect(String baseUrl) throws InvalidConfigurationException {
    WhatsAppCloudConnectorFactory factory = new WhatsAppCloudConnectorFactory();
    Map<String, String> config =
        new HashMap<>(new WhatsAppCloudConnectorContractTest().validConfig());
    config.put("graphApiBaseUrl", baseUrl);
    config.put("requestTimeout", "PT1S");
    return factory.create(
        PluginConfig.of(factory.options(), config), new PluginContext("wa", CLOCK));
  }

  private static OutboundMessage text(String body) {
    return new OutboundMessage(
        "rt:62", "16505551234", "+16505551234", MessageContent.text(body), null);
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
            "rt:63", "16505551234", null, MessageContent.text("Sí, \"azul\" 📦\nok"), "wamid.IN1"));
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
            PermanentException.class, e -> assertThat(e.code()).contains("131047"))
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
        .isInstanceOfSatisfying(PermanentException.class, e -> assertThat(e.code()).contains("190"))
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
            PermanentException.class, e -> assertThat(e.code()).contains("http-404"))
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
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("130429");
  }

  @Test
  @DisplayName("131056 (pair rate limit) is retryable after at least 6 seconds")
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
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(6)));
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
            RetryableException.class, e -> assertThat(e.retryAfter()).isEmpty());
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
  @DisplayName("content other than text is not implemented yet and never reaches WhatsApp")
  void otherTypesAreNotImplemented() {
    OutboundMessage image =
        new OutboundMessage(
            "rt:64",
            "16505551234",
            null,
            new MessageContent("image", "Lid", List.of(), null),
            null);
    assertThatThrownBy(() -> connector.send(image))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.code()).contains("not-implemented"))
        .hasMessageContaining("\"image\" is not implemented yet");
    assertThat(graph.received()).isEmpty();
  }

  @Test
  @DisplayName("empty or over-long text and a non-numeric recipient are refused before sending")
  void badMessagesAreRefusedLocally() {
    assertThatThrownBy(() -> connector.send(text("  ")))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.code()).contains("empty-text"));
    assertThatThrownBy(() -> connector.send(text("x".repeat(4097))))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.code()).contains("text-too-long"))
        .hasMessageContaining("4096");
    OutboundMessage toPsid =
        new OutboundMessage("k", "psid-abc", null, MessageContent.text("Hi"), null);
    assertThatThrownBy(() -> connector.send(toPsid))
        .isInstanceOfSatisfying(
            PermanentException.class, e -> assertThat(e.code()).contains("invalid-recipient"));
    assertThat(graph.received()).isEmpty();
  }

  @Test
  @DisplayName("the E.164 phone is used when the recipient id is not a WhatsApp id")
  void phoneIsUsedWhenIdIsNotNumeric() throws Exception {
    graph.answer(200, OK);
    connector.send(
        new OutboundMessage("k", "customer-7", "+16505551234", MessageContent.text("Hi"), null));
    assertThat(graph.received().get(0).body()).contains("\"to\":\"16505551234\"");
  }

  @Test
  @DisplayName("configuration: phone number instead of its id, or a zero timeout, is refused")
  void inconsistentConfigurationIsRefused() throws IOException {
    WhatsAppCloudConnectorFactory factory = new WhatsAppCloudConnectorFactory();
    Map<String, String> config =
        new HashMap<>(new WhatsAppCloudConnectorContractTest().validConfig());
    config.put("phoneNumberId", "+1 555 078 3881");
    config.put("requestTimeout", "PT0S");
    assertThatThrownBy(
            () ->
                factory.create(
                    PluginConfig.of(factory.options(), config), new PluginContext("wa", CLOCK)))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("phoneNumberId"))
                    .anySatisfy(p -> assertThat(p).startsWith("requestTimeout")));
  }
}
