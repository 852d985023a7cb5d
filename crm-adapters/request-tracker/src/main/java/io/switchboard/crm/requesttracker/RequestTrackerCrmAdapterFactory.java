package io.switchboard.crm.requesttracker;

import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.OptionType;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginEnvironment;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmAdapterFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * Creates {@link RequestTrackerCrmAdapter}s (plugin id {@code request-tracker}) for Request Tracker
 * 5 with REST2.
 *
 * <pre>{@code
 * PluginConfig config = PluginConfig.of(factory.options(), Map.of(
 *     "baseUrl", "http://127.0.0.1:8092", "token", "1-14-abc...", "webhookSecret", "s3cret",
 *     "agentViewSecret", "switchboard-rt-view-secret-0123456789abcdef"));
 * try (CrmAdapter rt = factory.create(config, new PluginContext("rt", Clock.systemUTC()))) {
 *   rt.checkReachable();
 * }
 * }</pre>
 */
public final class RequestTrackerCrmAdapterFactory implements CrmAdapterFactory {

  /** RT's web root; the adapter appends {@code /REST/2.0} and the mail gateway's path. */
  public static final PluginOption BASE_URL =
      PluginOption.required(
          "baseUrl",
          OptionType.URL,
          "RT's web root, e.g. http://127.0.0.1:8092 (the adapter appends /REST/2.0)");

  /** The API user's REST2 auth token. */
  public static final PluginOption TOKEN =
      PluginOption.required(
              "token",
              OptionType.STRING,
              "REST2 auth token of the API user (sent as \"Authorization: token ...\")")
          .asSecret();

  /** The queue that holds the conversations. */
  public static final PluginOption QUEUE =
      PluginOption.optional(
          "queue", OptionType.STRING, "RT queue that holds conversation tickets", "Support");

  /** The key of the webhook scrip's {@code X-RT-Signature}. */
  public static final PluginOption WEBHOOK_SECRET =
      PluginOption.optional(
              "webhookSecret",
              OptionType.STRING,
              "HMAC-SHA256 key of the webhook scrip's X-RT-Signature; without it webhooks are"
                  + " rejected and polling is the only path",
              null)
          .asSecret();

  /** The RT user the token belongs to: its writes are never reported as agent events. */
  public static final PluginOption API_USER =
      PluginOption.optional(
          "apiUser",
          OptionType.STRING,
          "RT user name the token belongs to (its own writes are never reported back)",
          "switchboard");

  /** Connect, response and pool-wait timeout of each HTTP call. */
  public static final PluginOption REQUEST_TIMEOUT =
      PluginOption.optional(
          "requestTimeout",
          OptionType.DURATION,
          "timeout of each HTTP call to RT (connect, response), ISO-8601",
          "PT10S");

  /**
   * The key of the agent sign-on tokens that RT's extension makes ({@code $SwitchboardViewSecret}
   * in RT); without it the connection offers no {@link
   * io.switchboard.spi.crm.capability.AgentSignOn}.
   */
  public static final PluginOption AGENT_VIEW_SECRET =
      PluginOption.optional(
              "agentViewSecret",
              OptionType.STRING,
              "HS256 key of the agent sign-on tokens RT-Extension-Switchboard makes (RT's"
                  + " $SwitchboardViewSecret), at least "
                  + RequestTrackerAgentSignOn.MIN_SECRET_LENGTH
                  + " characters; without it agents cannot open the inbox view from RT",
              null)
          .asSecret()
          .validatedBy(
              value ->
                  value.length() >= RequestTrackerAgentSignOn.MIN_SECRET_LENGTH
                      ? Optional.empty()
                      : Optional.of(
                          "must be at least "
                              + RequestTrackerAgentSignOn.MIN_SECRET_LENGTH
                              + " characters (HS256 needs a 256-bit key)"));

  /**
   * RT's web UI root when agents reach it at another address than the REST API (a proxy, a
   * container's published port): ticket links and the origin allowed to frame the view.
   */
  public static final PluginOption UI_URL =
      PluginOption.optional(
              "uiUrl",
              OptionType.STRING,
              "RT's web UI address as agents' browsers reach it, when it differs from baseUrl"
                  + " (ticket links, the origin that may frame the inbox view)",
              null)
          .validatedBy(
              value ->
                  OptionType.URL
                      .problemWith(value)
                      .map(problem -> problem + ", e.g. https://rt.example.com"));

  /** The factory-wide setting {@code switchboard.plugin.request-tracker.max-connections}. */
  static final String MAX_CONNECTIONS = "max-connections";

  static final int DEFAULT_MAX_CONNECTIONS = 20;

  /** The pool all connections share; opened by {@link #init} or the first {@link #create}. */
  private CloseableHttpClient http;

  private boolean closed;

  /** Opens the HTTP pool all RT connections share ({@code max-connections}, default 20). */
  @Override
  public synchronized void init(PluginEnvironment environment) {
    if (http != null) {
      return;
    }
    int max =
        environment
            .setting(MAX_CONNECTIONS)
            .map(String::trim)
            .map(
                value -> {
                  try {
                    return Integer.parseInt(value);
                  } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                        MAX_CONNECTIONS + " must be a whole number: " + value, e);
                  }
                })
            .orElse(DEFAULT_MAX_CONNECTIONS);
    if (max < 1) {
      throw new IllegalArgumentException(MAX_CONNECTIONS + " must be at least 1: " + max);
    }
    http = RequestTrackerRestClient.sharedClient(max);
    closed = false;
  }

  /** Without {@link #init} (tools, tests), the first connection opens the pool with the default. */
  private synchronized CloseableHttpClient http() {
    if (closed) {
      throw new IllegalStateException("the Request Tracker factory is closed");
    }
    if (http == null) {
      http = RequestTrackerRestClient.sharedClient(DEFAULT_MAX_CONNECTIONS);
    }
    return http;
  }

  /** Closes the shared pool, after the engine closed every adapter. */
  @Override
  public synchronized void close() {
    closed = true;
    if (http != null) {
      http.close(CloseMode.GRACEFUL);
      http = null;
    }
  }

  @Override
  public String id() {
    return "request-tracker";
  }

  @Override
  public String displayName() {
    return "Request Tracker 5";
  }

  @Override
  public List<PluginOption> options() {
    return List.of(
        BASE_URL,
        TOKEN,
        QUEUE,
        WEBHOOK_SECRET,
        API_USER,
        REQUEST_TIMEOUT,
        AGENT_VIEW_SECRET,
        UI_URL);
  }

  @Override
  public CrmAdapter create(PluginConfig config, PluginContext context)
      throws InvalidConfigurationException {
    Duration timeout = config.duration(REQUEST_TIMEOUT.name());
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidConfigurationException(
          List.of(REQUEST_TIMEOUT.name() + " must be a positive duration"));
    }
    String baseUrl = config.string(BASE_URL.name());
    if (baseUrl.contains("/REST/2.0")) {
      throw new InvalidConfigurationException(
          List.of(BASE_URL.name() + " must be RT's web root, without /REST/2.0"));
    }
    RequestTrackerRestClient rt =
        new RequestTrackerRestClient(
            http(), URI.create(baseUrl), config.string(TOKEN.name()), timeout, context.clock());
    URI ui = URI.create(config.optional(UI_URL.name()).orElse(baseUrl));
    RequestTrackerAgentSignOn signOn =
        config
            .optional(AGENT_VIEW_SECRET.name())
            .map(secret -> new RequestTrackerAgentSignOn(secret, context.connectionId(), ui))
            .orElse(null);
    return new RequestTrackerCrmAdapter(
        rt,
        config.string(QUEUE.name()),
        config.string(API_USER.name()),
        config.optional(WEBHOOK_SECRET.name()).orElse(null),
        signOn,
        context);
  }
}
