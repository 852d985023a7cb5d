package io.switchboard.connector.whatsapp;

import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.OptionType;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates {@link WhatsAppCloudConnector}s, one per WhatsApp Business phone number. Plugin id
 * {@value #ID}; registered in {@code
 * META-INF/services/io.switchboard.spi.channel.ChannelConnectorFactory}.
 *
 * <pre>{@code
 * ChannelConnectorFactory factory = new WhatsAppCloudConnectorFactory();
 * PluginConfig config = PluginConfig.of(factory.options(), Map.of("phoneNumberId", "106540352242922",
 *     "accessToken", "EAAG...", "appSecret", "...", "verifyToken", "..."));
 * ChannelConnector connector = factory.create(config, new PluginContext("wa-support", clock));
 * }</pre>
 */
public final class WhatsAppCloudConnectorFactory implements ChannelConnectorFactory {

  /** The plugin id, equal to the module folder name. */
  public static final String ID = "whatsapp-cloud";

  static final PluginOption PHONE_NUMBER_ID =
      PluginOption.required(
          "phoneNumberId",
          OptionType.STRING,
          "Phone number ID of the WhatsApp Business number (App Dashboard > WhatsApp > API Setup),"
              + " not the phone number itself");
  static final PluginOption ACCESS_TOKEN =
      PluginOption.required(
              "accessToken",
              OptionType.STRING,
              "Access token with whatsapp_business_messaging permission, preferably a system user's"
                  + " permanent token (Business Settings > System users)")
          .asSecret();
  static final PluginOption APP_SECRET =
      PluginOption.required(
              "appSecret",
              OptionType.STRING,
              "App secret of the Meta app (App Dashboard > App settings > Basic), used to verify"
                  + " the X-Hub-Signature-256 of every webhook")
          .asSecret();
  static final PluginOption VERIFY_TOKEN =
      PluginOption.required(
              "verifyToken",
              OptionType.STRING,
              "Verify token you choose and also enter in App Dashboard > WhatsApp > Configuration"
                  + " > Webhook; Meta sends it back when it subscribes")
          .asSecret();
  static final PluginOption GRAPH_API_BASE_URL =
      PluginOption.optional(
          "graphApiBaseUrl",
          OptionType.URL,
          "Graph API base URL including the version; change only for tests or an API upgrade",
          "https://graph.facebook.com/v23.0");
  static final PluginOption REQUEST_TIMEOUT =
      PluginOption.optional(
          "requestTimeout",
          OptionType.DURATION,
          "Connect and response timeout of calls to the Graph API (ISO-8601, e.g. PT10S)",
          "PT10S");

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "WhatsApp Cloud API";
  }

  @Override
  public List<PluginOption> options() {
    return List.of(
        PHONE_NUMBER_ID,
        ACCESS_TOKEN,
        APP_SECRET,
        VERIFY_TOKEN,
        GRAPH_API_BASE_URL,
        REQUEST_TIMEOUT);
  }

  @Override
  public ChannelConnector create(PluginConfig config, PluginContext context)
      throws InvalidConfigurationException {
    String phoneNumberId = config.string(PHONE_NUMBER_ID.name());
    Duration timeout = config.duration(REQUEST_TIMEOUT.name());
    List<String> problems = new ArrayList<>();
    if (!phoneNumberId.matches("[0-9]{1,30}")) {
      problems.add(
          "phoneNumberId must be the numeric Phone number ID from the API Setup page, not the"
              + " phone number");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      problems.add("requestTimeout must be more than zero and at most " + MAX_TIMEOUT);
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    JsonProvider json = JsonProvider.provider();
    var readers = json.createReaderFactory(Map.of());
    GraphApiFailureClassifier classifier = new GraphApiFailureClassifier(readers, context.clock());
    WhatsAppGraphClient graph =
        new WhatsAppGraphClient(
            config.string(GRAPH_API_BASE_URL.name()),
            phoneNumberId,
            config.string(ACCESS_TOKEN.name()),
            timeout,
            json,
            readers,
            classifier);
    return new WhatsAppCloudConnector(
        context.connectionId(),
        phoneNumberId,
        config.string(VERIFY_TOKEN.name()),
        new HubSignatureVerifier(config.string(APP_SECRET.name())),
        new WhatsAppWebhookParser(readers),
        graph);
  }
}
