package io.switchboard.engine.application.connections;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.ChannelApp;
import io.switchboard.engine.domain.Connection;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.infrastructure.SecretCipher;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginEnvironment;
import io.switchboard.spi.PluginFactory;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import io.switchboard.spi.channel.ChannelWebhookReceiver;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds plugin factories with {@link ServiceLoader}, initialises each once with its factory-wide
 * settings ({@code switchboard.plugin.<id>.<key>}), and keeps one live plugin instance per
 * configured connection (channel account, channel app, CRM connection), recreated when the
 * connection's configuration changes. Factories are closed when the application stops.
 */
@ApplicationScoped
public class PluginRegistry {
  private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());
  static final String SETTINGS_PREFIX = "switchboard.plugin.";

  @Inject SecretCipher cipher;
  @Inject Clock clock;
  @Inject PluginStates states;

  private final Map<String, ChannelConnectorFactory> channelFactories = new LinkedHashMap<>();
  private final Map<String, CrmAdapterFactory> crmFactories = new LinkedHashMap<>();
  private final Map<String, Live<ChannelConnector>> channels = new ConcurrentHashMap<>();
  private final Map<String, Live<ChannelWebhookReceiver>> receivers = new ConcurrentHashMap<>();
  private final Map<String, Live<CrmAdapter>> crms = new ConcurrentHashMap<>();

  private record Live<P>(Instant version, P plugin) {}

  @PostConstruct
  void discover() {
    for (ChannelConnectorFactory f : load(ChannelConnectorFactory.class)) {
      if (channelFactories.putIfAbsent(f.id(), f) == null) {
        init(f);
      }
    }
    for (CrmAdapterFactory f : load(CrmAdapterFactory.class)) {
      if (crmFactories.putIfAbsent(f.id(), f) == null) {
        init(f);
      }
    }
    LOG.info(
        "Plugins found: channels " + channelFactories.keySet() + ", CRMs " + crmFactories.keySet());
  }

  private void init(PluginFactory<?> factory) {
    factory.init(new PluginEnvironment(clock, settings(factory.id())));
  }

  /** Factory-wide settings of a plugin from MicroProfile Config. */
  static Map<String, String> settings(String pluginId) {
    Map<String, String> settings = new HashMap<>();
    try {
      Config config = ConfigProvider.getConfig();
      String prefix = SETTINGS_PREFIX + pluginId + ".";
      for (String name : config.getPropertyNames()) {
        if (name.startsWith(prefix)) {
          config
              .getOptionalValue(name, String.class)
              .ifPresent(v -> settings.put(name.substring(prefix.length()), v));
        }
      }
    } catch (IllegalStateException e) {
      LOG.fine("no MicroProfile Config: plugin " + pluginId + " gets no settings");
    }
    return settings;
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
    ChannelConnectorFactory factory = channelFactoryOf(account);
    return live(
        channels,
        account.id(),
        account.updatedAt(),
        () -> create(factory, factory.options(), account, factory::create));
  }

  /** The webhook receiver of a channel app. */
  public ChannelWebhookReceiver receiver(ChannelApp app) {
    ChannelConnectorFactory factory = channelFactoryOf(app);
    return live(
        receivers,
        "app:" + app.id(),
        app.updatedAt(),
        () -> create(factory, factory.appOptions(), app, factory::createReceiver));
  }

  /**
   * The webhook receiver of a stand-alone channel account (one with its own webhook URL), made from
   * the app values in the account's own configuration.
   */
  public ChannelWebhookReceiver standaloneReceiver(ChannelAccount account) {
    ChannelConnectorFactory factory = channelFactoryOf(account);
    return live(
        receivers,
        "channel:" + account.id(),
        account.updatedAt(),
        () -> create(factory, factory.appOptions(), account, factory::createReceiver));
  }

  /** The live adapter of a CRM connection. */
  public CrmAdapter adapter(CrmConnection connection) {
    CrmAdapterFactory factory =
        crmFactory(connection.plugin())
            .orElseThrow(() -> missingPlugin("CRM", connection.plugin()));
    return live(
        crms,
        connection.id(),
        connection.updatedAt(),
        () -> create(factory, factory.options(), connection, factory::create));
  }

  private ChannelConnectorFactory channelFactoryOf(Connection connection) {
    return channelFactory(connection.plugin())
        .orElseThrow(() -> missingPlugin("channel", connection.plugin()));
  }

  private interface Creator<P> {
    P create();
  }

  /** How a factory makes a plugin of one kind (connector, receiver, adapter). */
  interface Making<P> {
    P make(PluginConfig config, PluginContext context) throws InvalidConfigurationException;
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

  /** The context lent to the plugin of a connection: its id, the clock, its persistent state. */
  public PluginContext context(String connectionId) {
    return new PluginContext(connectionId, clock, states.of(connectionId));
  }

  private <P> P create(
      PluginFactory<?> factory, List<PluginOption> options, Connection connection, Making<P> how) {
    String id = connection.id();
    try {
      Map<String, String> stored =
          storedValues(id, connection.publicConfig(), connection.secretConfig());
      PluginConfig config = PluginConfig.of(options, only(options, stored));
      return how.make(config, context(id));
    } catch (InvalidConfigurationException e) {
      throw new IllegalStateException(
          "connection " + id + " has an invalid configuration: " + e.getMessage(), e);
    }
  }

  /** The values of the given options only (a stand-alone account stores app values too). */
  static Map<String, String> only(List<PluginOption> options, Map<String, String> values) {
    Set<String> names = options.stream().map(PluginOption::name).collect(Collectors.toSet());
    Map<String, String> picked = new HashMap<>();
    values.forEach(
        (k, v) -> {
          if (names.contains(k)) {
            picked.put(k, v);
          }
        });
    return picked;
  }

  private static IllegalStateException missingPlugin(String kind, String plugin) {
    return new IllegalStateException(
        "no " + kind + " plugin '" + plugin + "' is installed (is its jar in the deployment?)");
  }

  @PreDestroy
  void closeAll() {
    channels.values().forEach(l -> close(l.plugin()));
    receivers.values().forEach(l -> close(l.plugin()));
    crms.values().forEach(l -> close(l.plugin()));
    channelFactories.values().forEach(PluginRegistry::close);
    crmFactories.values().forEach(PluginRegistry::close);
  }

  private static void close(AutoCloseable plugin) {
    try {
      plugin.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing a plugin failed", e);
    }
  }
}
