package io.switchboard.spi.channel;

import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginFactory;
import io.switchboard.spi.PluginOption;
import java.util.List;

/**
 * Creates the two halves of a channel plugin: {@link ChannelWebhookReceiver}s for channel apps (one
 * per app: app secret, verify token, one webhook URL) and {@link ChannelConnector}s for channel
 * accounts (one per phone number, page, ...). Register an implementation in {@code
 * META-INF/services/io.switchboard.spi.channel.ChannelConnectorFactory}.
 *
 * <p>An account may also stand alone with its own webhook URL: then its configuration carries the
 * {@link #appOptions()} too, and the engine creates a receiver from those values.
 *
 * <pre>{@code
 * public final class WhatsAppCloudConnectorFactory implements ChannelConnectorFactory {
 *   public String id() { return "whatsapp-cloud"; }
 *   public List<PluginOption> appOptions() { return List.of(APP_SECRET, VERIFY_TOKEN); }
 *   public List<PluginOption> options() { return List.of(PHONE_NUMBER_ID, ACCESS_TOKEN, ...); }
 *   ...
 * }
 * }</pre>
 */
public interface ChannelConnectorFactory extends PluginFactory<ChannelConnector> {

  /** The options of a channel app (the webhook receiver), e.g. app secret and verify token. */
  List<PluginOption> appOptions();

  /**
   * Creates the webhook receiver of one app.
   *
   * @param config values validated against {@link #appOptions()}
   * @param context the app's id, clock and state
   */
  ChannelWebhookReceiver createReceiver(PluginConfig config, PluginContext context)
      throws InvalidConfigurationException;
}
