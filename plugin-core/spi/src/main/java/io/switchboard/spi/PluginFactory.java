package io.switchboard.spi;

import java.util.List;

/**
 * Creates configured plugin instances. A factory is stateless and cheap: the engine finds it with
 * {@link java.util.ServiceLoader}, lists its {@link #options()} in the admin API and the docs, and
 * calls {@link #create} once per configured connection (a WhatsApp number, an RT instance, ...).
 *
 * <p>Registration is one line in {@code META-INF/services/<the factory interface>}:
 *
 * <pre>{@code
 * # META-INF/services/io.switchboard.spi.channel.ChannelConnectorFactory
 * io.switchboard.connector.whatsapp.WhatsAppCloudConnectorFactory
 * }</pre>
 *
 * @param <P> the plugin type it creates; the engine closes it when the connection is removed or
 *     reconfigured
 */
public interface PluginFactory<P extends AutoCloseable> {

  /**
   * The plugin id, equal to the plugin's module folder name, e.g. {@code "whatsapp-cloud"} or
   * {@code "request-tracker"}. Stored with every connection; never change it.
   */
  String id();

  /** A human name for the admin console, e.g. {@code "WhatsApp Cloud API"}. */
  String displayName();

  /** Every option the plugin understands, in the order an admin form should show them. */
  List<PluginOption> options();

  /**
   * Creates a plugin instance for one connection.
   *
   * @param config values already validated against {@link #options()} by {@link
   *     PluginConfig#of(List, java.util.Map)}
   * @param context what the engine lends the plugin (clock, connection id)
   * @return a ready instance; it may open resources (HTTP clients) that {@code close()} releases
   * @throws InvalidConfigurationException when values are individually valid but inconsistent
   */
  P create(PluginConfig config, PluginContext context) throws InvalidConfigurationException;
}
