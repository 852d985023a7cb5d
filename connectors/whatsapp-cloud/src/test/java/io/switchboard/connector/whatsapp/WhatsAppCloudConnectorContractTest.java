package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.testing.WhatsAppContractSamples;
import io.switchboard.connector.whatsapp.testing.WhatsAppWebhookBuilder;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import io.switchboard.testkit.channel.ChannelConnectorContractTest;
import io.switchboard.testkit.channel.WebhookSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The WhatsApp Cloud plugin passes the channel contract of the test kit. The account points at a
 * loopback stub, so the contract can see that refused content never reaches the Graph API.
 */
class WhatsAppCloudConnectorContractTest extends ChannelConnectorContractTest {

  static final String APP_SECRET = "test-app-secret-1234";
  static final String VERIFY_TOKEN = "demo-verify-token";
  static final String PHONE_NUMBER_ID = "106540352242922";

  private static GraphApiStub graph;

  /** App options of a working Meta app. */
  static Map<String, String> appConfig() {
    return Map.of("appSecret", APP_SECRET, "verifyToken", VERIFY_TOKEN);
  }

  /** Account options of a working number (Graph API at its default address). */
  static Map<String, String> accountConfig() {
    return Map.of("phoneNumberId", PHONE_NUMBER_ID, "accessToken", "EAAG-test-access-token");
  }

  @BeforeAll
  static void startStub() throws IOException {
    graph = new GraphApiStub();
  }

  @AfterAll
  static void stopStub() {
    graph.close();
  }

  @Override
  protected ChannelConnectorFactory factory() {
    return new WhatsAppCloudConnectorFactory();
  }

  @Override
  protected Map<String, String> validAppConfig() {
    return appConfig();
  }

  @Override
  protected Map<String, String> validAccountConfig() {
    Map<String, String> config = new LinkedHashMap<>(accountConfig());
    config.put("graphApiBaseUrl", graph.baseUrl());
    return config;
  }

  @Override
  protected Optional<Integer> channelCallsSoFar() {
    return Optional.of(graph.received().size());
  }

  @Override
  protected WebhookRequest authenticRequest(byte[] body) {
    return WebhookRequest.of(body, WebhookSigner.headersFor(APP_SECRET, body), Map.of());
  }

  @Override
  protected Map<String, List<String>> handshakeQuery(boolean withRightToken) {
    return Map.of(
        "hub.mode", List.of("subscribe"),
        "hub.verify_token", List.of(withRightToken ? VERIFY_TOKEN : "not-the-token"),
        "hub.challenge", List.of("1158201444"));
  }

  @Override
  protected String expectedHandshakeAnswer() {
    return "1158201444";
  }

  @Override
  protected Map<String, byte[]> sampleBodies() {
    Map<String, byte[]> samples = new LinkedHashMap<>();
    for (String name : WhatsAppContractSamples.webhookNames()) {
      if (!name.equals("verification-get.json")) {
        samples.put(name, WhatsAppContractSamples.webhook(name));
      }
    }
    return samples;
  }

  @Override
  protected byte[] oneTextMessageBody() {
    return WhatsAppContractSamples.webhook("inbound-text-message.json");
  }

  @Override
  protected byte[] oneDeliveryStatusBody() {
    return WhatsAppContractSamples.webhook("status-read.json");
  }

  @Override
  protected byte[] bodyWithoutEvents() {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected List<String> nonsenseBodies() {
    return List.of(
        "",
        "not json",
        "{\"entry\":",
        "[]",
        "42",
        "null",
        "{\"object\":\"something_else\",\"entry\":[]}",
        "{\"object\":\"whatsapp_business_account\"}");
  }

  @Override
  protected byte[] oneUnknownTypeMessageBody() {
    return WhatsAppWebhookBuilder.forPhoneNumberId(PHONE_NUMBER_ID)
        .message(
            "16505551234",
            "Sheena Nelson",
            "{\"from\":\"16505551234\",\"id\":\"wamid.FUTURE1\",\"timestamp\":\"1749416383\","
                + "\"type\":\"hologram\",\"hologram\":{\"id\":\"77\"}}")
        .toBytes();
  }

  @Override
  protected String unknownMessageType() {
    return "hologram";
  }

  @Override
  protected byte[] batchWithOneUnreadableEvent() {
    return WhatsAppWebhookBuilder.forPhoneNumberId(PHONE_NUMBER_ID)
        .text("wamid.GOOD1", "16505551234", "Sheena Nelson", "Hello", 1749416383L)
        .messageJson("{\"from\":\"16505551234\",\"timestamp\":\"1749416384\",\"type\":\"text\"}")
        .text("wamid.GOOD2", "16505551234", "Sheena Nelson", "Anyone?", 1749416385L)
        .status("wamid.OUT1", "delivered", "16505551234", 1749416386L)
        .toBytes();
  }
}
