package io.switchboard.engine.application.connections;

import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.application.routing.ChannelRouting;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.ChannelApp;
import io.switchboard.engine.domain.Connection;
import io.switchboard.engine.domain.ConnectionRepository;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.infrastructure.SecretCipher;
import io.switchboard.engine.ledger.ParkedEvents;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginOption;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelConnectorFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Creates and reconfigures connections: CRM connections, channel apps and channel accounts. Values
 * are validated against the plugin's own option declarations and tried out by the plugin itself;
 * secret options are encrypted; a secret left out of an update keeps its stored value (secrets are
 * never shown, so an admin cannot send them back) unless an option that says so (every URL option)
 * changes: then every secret must be entered again, so a stored token never goes to a new host.
 *
 * <p>A channel account that names an app gets its events through the app's webhook; one without
 * carries the app options itself and has its own webhook URL. When an account is configured, the
 * events parked for its account id are released. When a channel account's CRM connection changes,
 * its open conversations are closed (their tickets keep working for replies) and the customer's
 * next message opens a conversation, and a ticket, in the new CRM.
 */
@ApplicationScoped
public class ConnectionAdmin {
  private static final Logger LOG = Logger.getLogger(ConnectionAdmin.class.getName());
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject PluginRegistry registry;
  @Inject SecretCipher cipher;
  @Inject Connections connections;
  @Inject ChannelRouting routing;
  @Inject ParkedEvents parked;
  @Inject ConnectionRepository repository;
  @Inject ConversationRepository conversations;
  @Inject Clock clock;
  @Inject Workspace workspace;

  /** Outcome of a configuration: whether it created the connection. */
  public record Configured(boolean created) {}

  @Transactional
  public Configured configureCrm(String id, String plugin, Map<String, String> values)
      throws InvalidConfigurationException {
    checkId(id);
    var factory =
        registry
            .crmFactory(plugin)
            .orElseThrow(() -> unknownPlugin(plugin, registry.crmFactories().keySet()));
    return store(
        CrmConnection.class,
        id,
        factory.options(),
        values,
        config -> tryOut(factory.id(), () -> factory.create(config, registry.context(id))),
        now -> new CrmConnection(id, workspace.id(), now),
        (connection, split, now) ->
            connection.configure(plugin, split.publicJson(), split.secretJson(), now));
  }

  /** Creates or reconfigures a channel app (one webhook URL, app secret and verify token). */
  @Transactional
  public Configured configureApp(String id, String plugin, Map<String, String> values)
      throws InvalidConfigurationException {
    checkId(id);
    ChannelConnectorFactory factory = channelFactory(plugin);
    ChannelApp existing = em.find(ChannelApp.class, id);
    if (existing != null && !existing.plugin().equals(plugin)) {
      throw new InvalidConfigurationException(
          List.of("app " + id + " belongs to plugin " + existing.plugin() + "; it cannot change"));
    }
    return store(
        ChannelApp.class,
        id,
        factory.appOptions(),
        values,
        config -> tryOut(factory.id(), () -> factory.createReceiver(config, registry.context(id))),
        now -> new ChannelApp(id, workspace.id(), now),
        (app, split, now) -> app.configure(plugin, split.publicJson(), split.secretJson(), now));
  }

  @Transactional
  public Configured configureChannel(
      String id, String plugin, String crmConnectionId, Map<String, String> values)
      throws InvalidConfigurationException {
    return configureChannel(id, plugin, null, crmConnectionId, values);
  }

  /**
   * Creates or reconfigures a channel account.
   *
   * @param appId the channel app whose webhooks carry its events, or {@code null} for a stand-alone
   *     account with its own webhook URL (its values then include the app options)
   */
  @Transactional
  public Configured configureChannel(
      String id, String plugin, String appId, String crmConnectionId, Map<String, String> values)
      throws InvalidConfigurationException {
    checkId(id);
    ChannelConnectorFactory factory = channelFactory(plugin);
    if (crmConnectionId != null && em.find(CrmConnection.class, crmConnectionId) == null) {
      throw new InvalidConfigurationException(
          List.of("crmConnection " + crmConnectionId + " does not exist"));
    }
    if (appId != null) {
      ChannelApp app = em.find(ChannelApp.class, appId);
      if (app == null) {
        throw new InvalidConfigurationException(List.of("app " + appId + " does not exist"));
      }
      if (!app.plugin().equals(plugin)) {
        throw new InvalidConfigurationException(
            List.of("app " + appId + " is a " + app.plugin() + " app, not " + plugin));
      }
    }
    List<PluginOption> options = new ArrayList<>(factory.options());
    if (appId == null) {
      options.addAll(factory.appOptions()); // a stand-alone account verifies its own webhooks
    }
    String[] accountId = new String[1];
    ChannelAccount existing = em.find(ChannelAccount.class, id);
    String previousCrm = existing == null ? null : existing.crmConnectionId();
    Configured result =
        store(
            ChannelAccount.class,
            id,
            options,
            values,
            config -> {
              accountId[0] = tryOutAccount(factory, id, appId, config);
            },
            now -> new ChannelAccount(id, workspace.id(), now),
            (account, split, now) ->
                account.configure(
                    plugin,
                    appId,
                    accountId[0],
                    crmConnectionId,
                    split.publicJson(),
                    split.secretJson(),
                    now));
    checkRouteFree(id, appId, accountId[0]);
    if (existing != null && !Objects.equals(previousCrm, crmConnectionId)) {
      closeOpenConversations(id, previousCrm, crmConnectionId);
    }
    int released = parked.release(parkedSources(plugin, appId), accountId[0]);
    if (released > 0) {
      LOG.info(
          "channel "
              + id
              + ": "
              + released
              + " parked events for account "
              + accountId[0]
              + " released");
    }
    return result;
  }

  private ChannelConnectorFactory channelFactory(String plugin)
      throws InvalidConfigurationException {
    return registry
        .channelFactory(plugin)
        .orElseThrow(() -> unknownPlugin(plugin, registry.channelFactories().keySet()));
  }

  /** Tries the account's connector (and, stand-alone, its receiver); returns its account id. */
  private String tryOutAccount(
      ChannelConnectorFactory factory, String id, String appId, PluginConfig all)
      throws InvalidConfigurationException {
    Map<String, String> values = all.values();
    PluginConfig connectorConfig =
        PluginConfig.of(factory.options(), PluginRegistry.only(factory.options(), values));
    String accountId;
    try (ChannelConnector connector = factory.create(connectorConfig, registry.context(id))) {
      accountId = connector.accountId();
    } catch (InvalidConfigurationException e) {
      throw e;
    } catch (Exception e) {
      throw refused(factory.id(), e);
    }
    if (appId == null) {
      PluginConfig appConfig =
          PluginConfig.of(factory.appOptions(), PluginRegistry.only(factory.appOptions(), values));
      tryOut(factory.id(), () -> factory.createReceiver(appConfig, registry.context(id)));
    }
    if (accountId == null || accountId.isBlank()) {
      throw new InvalidConfigurationException(
          List.of("the " + factory.id() + " plugin gave this account no account id"));
    }
    return accountId;
  }

  /** Two accounts of one app (or two stand-alone accounts) never share an account id. */
  private void checkRouteFree(String id, String appId, String accountId)
      throws InvalidConfigurationException {
    for (ChannelAccount other : repository.othersWithAccountId(accountId, id)) {
      if (Objects.equals(other.appId(), appId)) {
        throw new InvalidConfigurationException(
            List.of("account id " + accountId + " is already channel " + other.id()));
      }
    }
  }

  private List<String> parkedSources(String plugin, String appId) {
    List<String> sources = new ArrayList<>();
    if (appId != null) {
      sources.add(Sources.app(appId));
    }
    for (ChannelAccount account : connections.channels()) {
      if (account.plugin().equals(plugin)) {
        sources.add(Sources.channel(account.id()));
      }
    }
    return sources;
  }

  private void closeOpenConversations(String channelId, String from, String to) {
    Instant now = clock.instant();
    String reason =
        "channel " + channelId + " now feeds CRM connection " + to + " instead of " + from;
    conversations.openOnChannel(channelId).forEach(c -> c.close(reason, now));
  }

  private interface Reconfiguration<C> {
    void apply(C connection, Split split, Instant now);
  }

  private interface TryOut {
    void accept(PluginConfig config) throws InvalidConfigurationException;
  }

  /** Creates or reconfigures a connection of any kind, in the caller's transaction. */
  private <C extends Connection> Configured store(
      Class<C> type,
      String id,
      List<PluginOption> options,
      Map<String, String> values,
      TryOut tryOut,
      Function<Instant, C> creation,
      Reconfiguration<C> reconfiguration)
      throws InvalidConfigurationException {
    C existing = em.find(type, id);
    Instant now = clock.instant();
    C connection = existing != null ? existing : creation.apply(now);
    Split split =
        split(
            options,
            id,
            values,
            existing == null ? null : existing.publicConfig(),
            existing == null ? null : existing.secretConfig(),
            tryOut);
    reconfiguration.apply(connection, split, now);
    if (existing == null) {
      em.persist(connection);
    }
    connections.invalidate(id);
    return new Configured(existing == null);
  }

  private record Split(String publicJson, String secretJson) {}

  private Split split(
      List<PluginOption> options,
      String id,
      Map<String, String> given,
      String storedPublic,
      String storedSecret,
      TryOut tryOut)
      throws InvalidConfigurationException {
    Map<String, String> merged = new TreeMap<>(given);
    List<String> omittedSecrets =
        options.stream()
            .filter(o -> o.secret() && !given.containsKey(o.name()))
            .map(PluginOption::name)
            .toList();
    if (storedSecret != null && !omittedSecrets.isEmpty()) {
      Map<String, String> stored;
      try {
        stored = registry.storedValues(id, storedPublic, storedSecret);
      } catch (IllegalStateException e) {
        throw new InvalidConfigurationException(
            List.of(
                "the stored secrets cannot be decrypted with the current switchboard.secrets.key"
                    + " (was it changed?): send every secret option again: "
                    + omittedSecrets));
      }
      List<String> moved = secretGuardsChanged(options, given, stored);
      if (!moved.isEmpty()) {
        throw new InvalidConfigurationException(
            List.of(
                moved
                    + " changed: enter every secret of this connection again ("
                    + omittedSecrets
                    + "), so that a stored credential is never sent to a new address"));
      }
      for (String name : omittedSecrets) {
        if (stored.get(name) != null) {
          merged.put(name, stored.get(name));
        }
      }
    }
    PluginConfig config = PluginConfig.of(options, merged); // throws with every problem
    tryOut.accept(config);
    cipher
        .problem()
        .ifPresent(
            p -> {
              throw new IllegalStateException(p);
            });
    Map<String, String> publicValues = new TreeMap<>();
    Map<String, String> secretValues = new TreeMap<>();
    for (PluginOption option : options) {
      String value = merged.get(option.name());
      if (value != null) {
        (option.secret() ? secretValues : publicValues).put(option.name(), value);
      }
    }
    return new Split(
        ConnectionConfigCodec.write(publicValues),
        cipher.encrypt(ConnectionConfigCodec.write(secretValues), id));
  }

  /** Options that require secrets again and whose effective value changes with this update. */
  static List<String> secretGuardsChanged(
      List<PluginOption> options, Map<String, String> given, Map<String, String> stored) {
    List<String> changed = new ArrayList<>();
    for (PluginOption o : options) {
      if (!o.reentersSecrets()) {
        continue;
      }
      String before = effective(o, stored.get(o.name()));
      String after = effective(o, given.get(o.name()));
      if (!Objects.equals(before, after)) {
        changed.add(o.name());
      }
    }
    return changed;
  }

  private static String effective(PluginOption o, String value) {
    return value == null || value.isBlank() ? o.defaultValue() : value.trim();
  }

  private interface Attempt {
    AutoCloseable open() throws Exception;
  }

  /**
   * Lets the plugin itself judge the configuration (its own consistency checks), so that a
   * configuration it would refuse is rejected now with 400, not later on the first webhook.
   */
  private static void tryOut(String plugin, Attempt attempt) throws InvalidConfigurationException {
    try (AutoCloseable created = attempt.open()) {
      // created and closed: nothing else to do
    } catch (InvalidConfigurationException e) {
      throw e;
    } catch (Exception e) {
      throw refused(plugin, e);
    }
  }

  private static InvalidConfigurationException refused(String plugin, Exception e) {
    return new InvalidConfigurationException(
        List.of("the " + plugin + " plugin refused this configuration: " + e.getMessage()));
  }

  private static void checkId(String id) throws InvalidConfigurationException {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidConfigurationException(
          List.of(
              "id must be 1-64 lowercase letters, digits or '-', starting with a letter or digit"));
    }
  }

  private static InvalidConfigurationException unknownPlugin(
      String plugin, java.util.Set<String> installed) {
    return new InvalidConfigurationException(
        List.of("plugin '" + plugin + "' is not installed; installed: " + installed));
  }
}
