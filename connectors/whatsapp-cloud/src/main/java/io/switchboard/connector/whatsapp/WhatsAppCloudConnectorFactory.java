package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.model.SendMessageRequest;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.OptionType;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginEnvironment;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import io.switchboard.spi.channel.ChannelWebhookReceiver;
import io.switchboard.spi.channel.capability.TemplateCatalog;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the two halves of the WhatsApp Cloud plugin: a {@link WhatsAppWebhookReceiver} per Meta
 * app ({@link #appOptions()}: app secret, verify token, and the previous secret during a rotation;
 * one callback URL for all its numbers) and a {@link WhatsAppCloudConnector} per business phone
 * number ({@link #options()}; throughput, media limit and the business account for templates are
 * per number). Plugin id {@value #ID}; registered in {@code
 * META-INF/services/io.switchboard.spi.channel.ChannelConnectorFactory}.
 *
 * <p>All numbers share one pooled HTTP client, opened by {@link #init} (pool size from the factory
 * setting {@code max-connections}, default {@value GraphApiConnectionPool#DEFAULT_MAX_CONNECTIONS})
 * or on the first {@link #create} if {@code init} was not called, and closed by {@link #close}.
 *
 * <pre>{@code
 * ChannelConnectorFactory factory = new WhatsAppCloudConnectorFactory();
 * factory.init(new PluginEnvironment(clock, Map.of("max-connections", "50")));
 * ChannelWebhookReceiver app = factory.createReceiver(PluginConfig.of(factory.appOptions(),
 *     Map.of("appSecret", "...", "verifyToken", "...")), new PluginContext("meta-app", clock));
 * ChannelConnector number = factory.create(PluginConfig.of(factory.options(),
 *     Map.of("phoneNumberId", "106540352242922", "accessToken", "EAAG...")),
 *     new PluginContext("wa-support", clock));
 * }</pre>
 */
public final class WhatsAppCloudConnectorFactory implements ChannelConnectorFactory {

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

  /** 100 MB, the largest file WhatsApp carries (a document). */
  static final long DEFAULT_MAX_MEDIA_BYTES = 100L * 1024 * 1024;

  /** The factory setting that sizes the shared HTTP connection pool. */
  public static final String MAX_CONNECTIONS_SETTING = "max-connections";

  /** The plugin id, equal to the module folder name. */
  public static final String ID = "whatsapp-cloud";

  static final PluginOption PHONE_NUMBER_ID =
      PluginOption.required(
              "phoneNumberId",
              OptionType.STRING,
              "Phone number ID of the WhatsApp Business number (App Dashboard > WhatsApp > API"
                  + " Setup), not the phone number itself")
          .labelled("Phone number ID")
          .validatedBy(
              v ->
                  v.matches("[0-9]{1,30}")
                      ? Optional.empty()
                      : Optional.of(
                          "must be the numeric Phone number ID from the API Setup page, not the"
                              + " phone number"));
  static final PluginOption ACCESS_TOKEN =
      PluginOption.required(
              "accessToken",
              OptionType.STRING,
              "Access token with whatsapp_business_messaging permission, preferably a system user's"
                  + " permanent token (Business Settings > System users)")
          .labelled("Access token")
          .asSecret();
  static final PluginOption APP_SECRET =
      PluginOption.required(
              "appSecret",
              OptionType.STRING,
              "App secret of the Meta app (App Dashboard > App settings > Basic), used to verify"
                  + " the X-Hub-Signature-256 of every webhook")
          .labelled("App secret")
          .asSecret();
  static final PluginOption PREVIOUS_APP_SECRET =
      PluginOption.optional(
              "previousAppSecret",
              OptionType.STRING,
              "During an app secret rotation: the secret before the reset, still accepted for"
                  + " webhook signatures; remove it once Meta signs with the new secret",
              null)
          .labelled("Previous app secret")
          .asSecret();
  static final PluginOption VERIFY_TOKEN =
      PluginOption.required(
              "verifyToken",
              OptionType.STRING,
              "Verify token you choose and also enter in App Dashboard > WhatsApp > Configuration"
                  + " > Webhook; Meta sends it back when it subscribes")
          .labelled("Verify token")
          .asSecret();
  static final PluginOption GRAPH_API_BASE_URL =
      PluginOption.optional(
              "graphApiBaseUrl",
              OptionType.URL,
              "Graph API base URL including the version; change only for tests or an API upgrade",
              "https://graph.facebook.com/v23.0")
          .labelled("Graph API base URL");
  static final PluginOption REQUEST_TIMEOUT =
      PluginOption.optional(
              "requestTimeout",
              OptionType.DURATION,
              "Connect and response timeout of calls to the Graph API (ISO-8601, e.g. PT10S, at"
                  + " most PT5M)",
              "PT10S")
          .labelled("Request timeout")
          .validatedBy(
              v -> {
                Duration d = Duration.parse(v);
                return d.isNegative() || d.isZero() || d.compareTo(MAX_TIMEOUT) > 0
                    ? Optional.of("must be more than zero and at most " + MAX_TIMEOUT)
                    : Optional.empty();
              });

  static final PluginOption BUSINESS_ACCOUNT_ID =
      PluginOption.optional(
              "whatsAppBusinessAccountId",
              OptionType.STRING,
              "ID of the WhatsApp Business Account the number belongs to (WhatsApp Manager >"
                  + " Account tools, or App Dashboard > WhatsApp > API Setup); needed to sync"
                  + " message templates",
              null)
          .labelled("WhatsApp Business Account ID")
          .validatedBy(
              v ->
                  v.matches("[0-9]{1,30}")
                      ? Optional.empty()
                      : Optional.of("must be the numeric WhatsApp Business Account ID"));
  static final PluginOption MESSAGES_PER_SECOND =
      PluginOption.optional(
              "messagesPerSecond",
              OptionType.INTEGER,
              "Messages per second this number may send: 80 by default, up to 1000 once Meta"
                  + " has upgraded its throughput",
              Integer.toString(WhatsAppCloudConnector.DEFAULT_MESSAGES_PER_SECOND))
          .labelled("Messages per second")
          .validatedBy(
              v -> {
                long rate = Long.parseLong(v.trim());
                return rate < 1 || rate > WhatsAppCloudConnector.MAX_MESSAGES_PER_SECOND
                    ? Optional.of(
                        "must be from 1 to " + WhatsAppCloudConnector.MAX_MESSAGES_PER_SECOND)
                    : Optional.empty();
              });
  static final PluginOption MAX_MEDIA_BYTES =
      PluginOption.optional(
              "maxMediaBytes",
              OptionType.INTEGER,
              "Largest customer media file downloaded, in bytes (default 100 MB, WhatsApp's"
                  + " largest document); bigger files are refused as too large",
              Long.toString(DEFAULT_MAX_MEDIA_BYTES))
          .labelled("Largest media download (bytes)")
          .validatedBy(
              v ->
                  Long.parseLong(v.trim()) < 1
                      ? Optional.of("must be at least 1")
                      : Optional.empty());

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "WhatsApp Cloud API";
  }

  private final JsonProvider json = JsonProvider.provider();
  private final JsonReaderFactory readers = json.createReaderFactory(Map.of());
  private GraphApiConnectionPool pool;

  @Override
  public List<PluginOption> appOptions() {
    return List.of(APP_SECRET, VERIFY_TOKEN, PREVIOUS_APP_SECRET);
  }

  @Override
  public List<PluginOption> options() {
    return List.of(
        PHONE_NUMBER_ID,
        ACCESS_TOKEN,
        BUSINESS_ACCOUNT_ID,
        MESSAGES_PER_SECOND,
        MAX_MEDIA_BYTES,
        GRAPH_API_BASE_URL,
        REQUEST_TIMEOUT);
  }

  @Override
  public synchronized void init(PluginEnvironment environment) {
    int size =
        environment
            .setting(MAX_CONNECTIONS_SETTING)
            .map(String::trim)
            .map(Integer::parseInt)
            .orElse(GraphApiConnectionPool.DEFAULT_MAX_CONNECTIONS);
    if (pool != null) {
      pool.close();
    }
    pool = new GraphApiConnectionPool(size);
  }

  @Override
  public ChannelWebhookReceiver createReceiver(PluginConfig config, PluginContext context) {
    return new WhatsAppWebhookReceiver(
        context.connectionId(),
        config.string(VERIFY_TOKEN.name()),
        new HubSignatureVerifier(
            config.string(APP_SECRET.name()),
            config.optional(PREVIOUS_APP_SECRET.name()).orElse(null)),
        new WhatsAppWebhookParser(readers));
  }

  @Override
  public ChannelConnector create(PluginConfig config, PluginContext context)
      throws InvalidConfigurationException {
    String phoneNumberId = config.string(PHONE_NUMBER_ID.name());
    WhatsAppGraphClient graph =
        new WhatsAppGraphClient(
            config.string(GRAPH_API_BASE_URL.name()),
            phoneNumberId,
            config.string(ACCESS_TOKEN.name()),
            config.duration(REQUEST_TIMEOUT.name()),
            pool().client(),
            readers,
            new GraphApiFailureClassifier(readers, context.clock()));
    TemplateCatalog templates =
        config
            .optional(BUSINESS_ACCOUNT_ID.name())
            .map(waba -> (TemplateCatalog) new WhatsAppTemplateCatalog(graph, waba))
            .orElse(null);
    return new WhatsAppCloudConnector(
        context.connectionId(),
        phoneNumberId,
        new OutboundContentWriter(new SendMessageRequest(json)),
        graph,
        new WhatsAppMediaFetcher(graph, config.integer(MAX_MEDIA_BYTES.name())),
        templates,
        (int) config.integer(MESSAGES_PER_SECOND.name()));
  }

  /** The shared pool, opened with the default size when {@link #init} was not called. */
  synchronized GraphApiConnectionPool pool() {
    if (pool == null) {
      pool = new GraphApiConnectionPool(GraphApiConnectionPool.DEFAULT_MAX_CONNECTIONS);
    }
    return pool;
  }

  /** Closes the shared HTTP pool, after the engine closed every connector. */
  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
