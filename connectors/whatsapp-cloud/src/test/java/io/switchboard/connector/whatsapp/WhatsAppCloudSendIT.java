package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.MessageContent;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendReceipt;
import io.switchboard.testkit.channel.WhatsAppContractSamples;
import io.switchboard.testkit.channel.WhatsAppContractSamples.SendCase;
import io.switchboard.testkit.prism.PrismMock;
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

  private ChannelConnector connector;

  @BeforeEach
  void connect() throws Exception {
    WhatsAppCloudConnectorFactory factory = new WhatsAppCloudConnectorFactory();
    Map<String, String> config =
        new HashMap<>(new WhatsAppCloudConnectorContractTest().validConfig());
    config.put("graphApiBaseUrl", PRISM.baseUrl());
    connector =
        factory.create(
            PluginConfig.of(factory.options(), config),
            new PluginContext("wa-it", Clock.systemUTC()));
  }

  @AfterEach
  void close() {
    connector.close();
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
                MessageContent.text("Your order 4567 ships tomorrow."),
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
                MessageContent.text("مرحبا، طلبك في الطريق 📦 \"quoted\"\nsecond line"),
                "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="));
    assertThat(receipt.externalMessageId()).startsWith("wamid.");
  }

  @Test
  @DisplayName("a text of the maximum length is a valid send request")
  void longestTextIsAccepted() {
    sendOrFail(
        new OutboundMessage(
            "it:3", "16505551234", null, MessageContent.text("x".repeat(4096)), null));
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
