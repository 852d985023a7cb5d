package io.switchboard.connector.whatsapp;

import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.channel.ChannelConnector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A WhatsApp number configured against a {@link GraphApiStub}, for the unit tests. */
final class StubAccount {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-08T21:00:00Z"), ZoneOffset.UTC);
  static final String WABA_ID = "419561257915477";

  private StubAccount() {}

  /** The number of {@link WhatsAppCloudConnectorContractTest#accountConfig()} plus options. */
  static ChannelConnector connect(
      WhatsAppCloudConnectorFactory factory, GraphApiStub graph, Map<String, String> options)
      throws Exception {
    Map<String, String> config = new HashMap<>(WhatsAppCloudConnectorContractTest.accountConfig());
    config.put("graphApiBaseUrl", graph.baseUrl());
    config.put("requestTimeout", "PT2S");
    config.putAll(options);
    return factory.create(
        PluginConfig.of(factory.options(), config), new PluginContext("wa", CLOCK));
  }
}
