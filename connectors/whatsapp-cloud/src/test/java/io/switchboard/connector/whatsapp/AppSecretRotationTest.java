package io.switchboard.connector.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelWebhookReceiver;
import io.switchboard.testkit.channel.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** App secret rotation and the per-number options. */
class AppSecretRotationTest {

  private static final byte[] BODY =
      "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

  private final WhatsAppCloudConnectorFactory factory = new WhatsAppCloudConnectorFactory();

  private ChannelWebhookReceiver receiver(Map<String, String> options) throws Exception {
    Map<String, String> config = new HashMap<>(WhatsAppCloudConnectorContractTest.appConfig());
    config.putAll(options);
    return factory.createReceiver(
        PluginConfig.of(factory.appOptions(), config),
        new PluginContext("meta", StubAccount.CLOCK));
  }

  private static WebhookRequest signedWith(String secret) {
    return WebhookRequest.of(BODY, WebhookSigner.headersFor(secret, BODY), Map.of());
  }

  @Test
  @DisplayName(
      "during a rotation a webhook signed with either secret is authentic, any other is not")
  void bothSecretsAreAccepted() throws Exception {
    ChannelWebhookReceiver rotating = receiver(Map.of("previousAppSecret", "old-secret-5678"));
    assertThat(rotating.isAuthentic(signedWith(WhatsAppCloudConnectorContractTest.APP_SECRET)))
        .isTrue();
    assertThat(rotating.isAuthentic(signedWith("old-secret-5678"))).isTrue();
    assertThat(rotating.isAuthentic(signedWith("someone-else"))).isFalse();
  }

  @Test
  @DisplayName("after the previous secret is removed, only the new one is accepted")
  void oldSecretStopsWorkingWhenRemoved() throws Exception {
    ChannelWebhookReceiver settled = receiver(Map.of());
    assertThat(settled.isAuthentic(signedWith("old-secret-5678"))).isFalse();
    assertThat(settled.isAuthentic(signedWith(WhatsAppCloudConnectorContractTest.APP_SECRET)))
        .isTrue();
    assertThat(factory.appOptions())
        .filteredOn(o -> o.name().equals("previousAppSecret"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.secret()).isTrue();
              assertThat(o.required()).isFalse();
              assertThat(o.description()).contains("remove it once Meta signs with the new secret");
            });
  }

  @Test
  @DisplayName("messagesPerSecond (1..1000, default 80) is the number's send policy rate")
  void throughputIsPerNumber() throws Exception {
    try (GraphApiStub graph = new GraphApiStub();
        ChannelConnector upgraded =
            StubAccount.connect(factory, graph, Map.of("messagesPerSecond", "1000"));
        ChannelConnector standard = StubAccount.connect(factory, graph, Map.of())) {
      assertThat(upgraded.sendPolicy().messagesPerSecond()).isEqualTo(1000);
      assertThat(standard.sendPolicy().messagesPerSecond()).isEqualTo(80);
    } finally {
      factory.close();
    }
  }

  @Test
  @DisplayName("a rate outside 1..1000, a WABA id with letters and a zero media limit are refused")
  void badOptionsAreRefused() {
    Map<String, String> config = new HashMap<>(WhatsAppCloudConnectorContractTest.accountConfig());
    config.put("messagesPerSecond", "1001");
    config.put("whatsAppBusinessAccountId", "waba-1");
    config.put("maxMediaBytes", "0");
    assertThatThrownBy(() -> PluginConfig.of(factory.options(), config))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).startsWith("messagesPerSecond must be from 1"))
                    .anySatisfy(p -> assertThat(p).startsWith("whatsAppBusinessAccountId must be"))
                    .anySatisfy(p -> assertThat(p).startsWith("maxMediaBytes must be at least 1")));
  }
}
