package io.switchboard.connector.whatsapp;

import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import io.switchboard.testkit.channel.ChannelConnectorContractTest;
import io.switchboard.testkit.channel.WebhookSigner;
import io.switchboard.testkit.channel.WhatsAppContractSamples;
import io.switchboard.testkit.channel.WhatsAppWebhookBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The WhatsApp Cloud connector passes the channel connector contract of the test kit. */
class WhatsAppCloudConnectorContractTest extends ChannelConnectorContractTest {

  static final String APP_SECRET = "test-app-secret-1234";
  static final String VERIFY_TOKEN = "demo-verify-token";

  @Override
  protected ChannelConnectorFactory factory() {
    return new WhatsAppCloudConnectorFactory();
  }

  @Override
  protected Map<String, String> validConfig() {
    return Map.of(
        "phoneNumberId",
        "106540352242922",
        "accessToken",
        "EAAG-test-access-token",
        "appSecret",
        APP_SECRET,
        "verifyToken",
        VERIFY_TOKEN);
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
  protected byte[] oneUnknownTypeMessageBody() {
    return WhatsAppWebhookBuilder.forPhoneNumberId("106540352242922")
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
}
