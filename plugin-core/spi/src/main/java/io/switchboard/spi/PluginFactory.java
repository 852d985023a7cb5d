package io.switchboard.spi;

import java.util.List;

/**
 * Creates configured plugin instances, Keycloak style: the engine finds the factory with {@link
 * java.util.ServiceLoader}, calls {@link #init} once, then {@link #create} once per configured
 * connection (a WhatsApp number, an RT instance, ...), and {@link #close} when the engine stops.
 * Resources shared by all connections of the plugin (an HTTP connection pool, a parsed schema) are
 * opened in {@code init} and released in {@code close}; plugin instances are cheap. A factory
 * starts no threads of its own.
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
public interface PluginFactory<P extends AutoCloseable> extends AutoCloseable {

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
   * Called once before the first {@link #create}: read factory-wide settings, open shared
   * resources. The default does nothing.
   */
  default void init(PluginEnvironment environment) {}

  /**
   * Creates a plugin instance for one connection.
   *
   * @param config values already validated against {@link #options()} by {@link
   *     PluginConfig#of(List, java.util.Map)}
   * @param context what the engine lends the plugin (clock, connection id, state)
   * @return a ready instance; it may hold resources that its {@code close()} releases
   * @throws InvalidConfigurationException when values are individually valid but inconsistent
   */
  P create(PluginConfig config, PluginContext context) throws InvalidConfigurationException;

  /**
   * Releases what {@link #init} opened, after every instance was closed. The default does nothing.
   */
  @Override
  default void close() {}
}
