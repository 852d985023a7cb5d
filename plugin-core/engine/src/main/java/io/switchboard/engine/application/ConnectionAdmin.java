package io.switchboard.engine.application;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Connection;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.infrastructure.SecretCipher;
import io.switchboard.spi.InvalidConfigurationException;
import io.switchboard.spi.PluginConfig;
import io.switchboard.spi.PluginContext;
import io.switchboard.spi.PluginFactory;
import io.switchboard.spi.PluginOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Creates and reconfigures connections. Values are validated against the plugin's own option
 * declarations; secret options are encrypted; a secret left out of an update keeps its stored value
 * (secrets are never shown, so an admin cannot send them back).
 */
@ApplicationScoped
public class ConnectionAdmin {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject PluginRegistry registry;
  @Inject SecretCipher cipher;
  @Inject Connections connections;
  @Inject Clock clock;
  @Inject Workspace workspace;

  /** Outcome of a configuration: whether it created the connection. */
  public record Configured(boolean created) {}

  @Transactional
  public Configured configureCrm(String id, String plugin, Map<String, String> values)
      throws InvalidConfigurationException {
    checkId(id);
    PluginFactory<?> factory =
        registry
            .crmFactory(plugin)
            .orElseThrow(() -> unknownPlugin(plugin, registry.crmFactories().keySet()));
    return store(
        CrmConnection.class,
        id,
        factory,
        values,
        now -> new CrmConnection(id, workspace.id(), now),
        (connection, split, now) ->
            connection.configure(plugin, split.publicJson(), split.secretJson(), now));
  }

  @Transactional
  public Configured configureChannel(
      String id, String plugin, String crmConnectionId, Map<String, String> values)
      throws InvalidConfigurationException {
    checkId(id);
    PluginFactory<?> factory =
        registry
            .channelFactory(plugin)
            .orElseThrow(() -> unknownPlugin(plugin, registry.channelFactories().keySet()));
    if (crmConnectionId != null && em.find(CrmConnection.class, crmConnectionId) == null) {
      throw new InvalidConfigurationException(
          List.of("crmConnection " + crmConnectionId + " does not exist"));
    }
    return store(
        ChannelAccount.class,
        id,
        factory,
        values,
        now -> new ChannelAccount(id, workspace.id(), now),
        (account, split, now) ->
            account.configure(
                plugin, crmConnectionId, split.publicJson(), split.secretJson(), now));
  }

  private interface Reconfiguration<C> {
    void apply(C connection, Split split, Instant now);
  }

  /** Creates or reconfigures a connection of either kind, in the caller's transaction. */
  private <C extends Connection> Configured store(
      Class<C> type,
      String id,
      PluginFactory<?> factory,
      Map<String, String> values,
      Function<Instant, C> creation,
      Reconfiguration<C> reconfiguration)
      throws InvalidConfigurationException {
    C existing = em.find(type, id);
    Instant now = clock.instant();
    C connection = existing != null ? existing : creation.apply(now);
    Split split =
        split(
            factory,
            id,
            values,
            existing == null ? null : existing.publicConfig(),
            existing == null ? null : existing.secretConfig());
    reconfiguration.apply(connection, split, now);
    if (existing == null) {
      em.persist(connection);
    }
    connections.invalidate(id);
    return new Configured(existing == null);
  }

  private record Split(String publicJson, String secretJson) {}

  private Split split(
      PluginFactory<?> factory,
      String id,
      Map<String, String> given,
      String storedPublic,
      String storedSecret)
      throws InvalidConfigurationException {
    List<PluginOption> options = factory.options();
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
      for (String name : omittedSecrets) {
        if (stored.get(name) != null) {
          merged.put(name, stored.get(name));
        }
      }
    }
    PluginConfig config = PluginConfig.of(options, merged); // throws with every problem
    tryOut(factory, id, config);
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

  /**
   * Lets the plugin itself judge the configuration (its own consistency checks), so that a
   * configuration it would refuse is rejected now with 400, not later on the first webhook.
   */
  private <P extends AutoCloseable> void tryOut(
      PluginFactory<P> factory, String id, PluginConfig config)
      throws InvalidConfigurationException {
    try (P plugin = factory.create(config, new PluginContext(id, clock))) {
      // created and closed: nothing else to do
    } catch (InvalidConfigurationException e) {
      throw e;
    } catch (Exception e) {
      throw new InvalidConfigurationException(
          List.of("the " + factory.id() + " plugin refused this configuration: " + e.getMessage()));
    }
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
