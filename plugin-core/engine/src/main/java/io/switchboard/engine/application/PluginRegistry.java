package io.switchboard.engine.application;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Connection;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.infrastructure.SecretCipher;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginFactory;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmAdapterFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds plugin factories with {@link ServiceLoader} and keeps one live plugin instance per
 * configured connection, recreated when the connection's configuration changes.
 */
@ApplicationScoped
public class PluginRegistry {
  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

  @Inject SecretCipher cipher;
  @Inject Clock clock;

  private final Map<String, ChannelConnectorFactory> channelFactories = new LinkedHashMap<>();
  private final Map<String, CrmAdapterFactory> crmFactories = new LinkedHashMap<>();
  private final Map<String, Live<ChannelConnector>> channels = new ConcurrentHashMap<>();
  private final Map<String, Live<CrmAdapter>> crms = new ConcurrentHashMap<>();

  private record Live<P>(Instant version, P plugin) {}

  @PostConstruct
  void discover() {
    for (ChannelConnectorFactory f : load(ChannelConnectorFactory.class)) {
      channelFactories.putIfAbsent(f.id(), f);
    }
    for (CrmAdapterFactory f : load(CrmAdapterFactory.class)) {
      crmFactories.putIfAbsent(f.id(), f);
    }
    LOG.info(
        "Plugins found: channels " + channelFactories.keySet() + ", CRMs " + crmFactories.keySet());
  }

  private static <T> List<T> load(Class<T> type) {
    List<T> found = new ArrayList<>();
    ServiceLoader.load(type, type.getClassLoader()).forEach(found::add);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != type.getClassLoader()) {
      ServiceLoader.load(type, context).forEach(found::add);
    }
    return found;
  }

  public Map<String, ChannelConnectorFactory> channelFactories() {
    return channelFactories;
  }

  public Map<String, CrmAdapterFactory> crmFactories() {
    return crmFactories;
  }

  public Optional<ChannelConnectorFactory> channelFactory(String plugin) {
    return Optional.ofNullable(channelFactories.get(plugin));
  }

  public Optional<CrmAdapterFactory> crmFactory(String plugin) {
    return Optional.ofNullable(crmFactories.get(plugin));
  }

  /** The live connector of a channel account, created or recreated as its configuration says. */
  public ChannelConnector connector(ChannelAccount account) {
    return live(
        channels,
        account.id(),
        account.updatedAt(),
        () ->
            create(
                channelFactory(account.plugin())
                    .orElseThrow(() -> missingPlugin("channel", account.plugin())),
                account));
  }

  /** The live adapter of a CRM connection. */
  public CrmAdapter adapter(CrmConnection connection) {
    return live(
        crms,
        connection.id(),
        connection.updatedAt(),
        () ->
            create(
                crmFactory(connection.plugin())
                    .orElseThrow(() -> missingPlugin("CRM", connection.plugin())),
                connection));
  }

  private interface Creator<P> {
    P create();
  }

  private <P extends AutoCloseable> P live(
      Map<String, Live<P>> cache, String id, Instant version, Creator<P> creator) {
    Live<P> current = cache.get(id);
    if (current != null && current.version().equals(version)) {
      return current.plugin();
    }
    synchronized (cache) {
      current = cache.get(id);
      if (current != null && current.version().equals(version)) {
        return current.plugin();
      }
      P created = creator.create();
      Live<P> previous = cache.put(id, new Live<>(version, created));
      if (previous != null) {
        close(previous.plugin());
      }
      return created;
    }
  }

  /** The stored values of a connection: public ones merged with the decrypted secrets. */
  public Map<String, String> storedValues(String id, String publicConfig, String secretConfig) {
    Map<String, String> values = new HashMap<>(ConnectionConfigCodec.read(publicConfig));
    if (secretConfig != null && !secretConfig.isBlank()) {
      values.putAll(ConnectionConfigCodec.read(cipher.decrypt(secretConfig, id)));
    }
    return values;
  }

  private <P extends AutoCloseable> P create(PluginFactory<P> factory, Connection connection) {
    String id = connection.id();
    try {
      PluginConfig config =
          PluginConfig.of(
              factory.options(),
              storedValues(id, connection.publicConfig(), connection.secretConfig()));
      return factory.create(config, new PluginContext(id, clock));
    } catch (InvalidConfigurationException e) {
      throw new IllegalStateException(
          "connection " + id + " has an invalid configuration: " + e.getMessage(), e);
    }
  }

  private static IllegalStateException missingPlugin(String kind, String plugin) {
    return new IllegalStateException(
        "no " + kind + " plugin '" + plugin + "' is installed (is its jar in the deployment?)");
  }

  @PreDestroy
  void closeAll() {
    channels.values().forEach(l -> close(l.plugin()));
    crms.values().forEach(l -> close(l.plugin()));
  }

  private static void close(AutoCloseable plugin) {
    try {
      plugin.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing a plugin failed", e);
    }
  }
}
