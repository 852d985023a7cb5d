package io.switchboard.engine.application.connections;

import io.switchboard.engine.domain.PluginStateEntry;
import io.switchboard.engine.infrastructure.SecretCipher;
import io.switchboard.spi.PluginState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Plugins' small persistent state ({@link PluginState}), one table for all connections, encrypted
 * with the secrets key and bound to its connection and key. Each call is its own short transaction,
 * so a plugin may call it from inside an effect without holding anything open.
 */
@ApplicationScoped
public class PluginStates {
  static final int MAX_KEY = 100;
  static final int MAX_VALUE = 64 * 1024;

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject SecretCipher cipher;
  @Inject Clock clock;

  /** The state of one connection, as lent to its plugin. */
  public PluginState of(String connectionId) {
    PluginStates self = this; // calls go through the CDI proxy: each in its own transaction
    return new PluginState() {
      @Override
      public Optional<String> get(String key) {
        return self.read(connectionId, key);
      }

      @Override
      public void put(String key, String value) {
        self.write(connectionId, key, value);
      }

      @Override
      public void remove(String key) {
        self.delete(connectionId, key);
      }
    };
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<String> read(String connectionId, String key) {
    PluginStateEntry entry =
        em.find(PluginStateEntry.class, new PluginStateEntry.Key(connectionId, check(key)));
    return Optional.ofNullable(entry)
        .map(e -> cipher.decrypt(e.encryptedValue(), bound(connectionId, key)));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void write(String connectionId, String key, String value) {
    if (value == null || value.length() > MAX_VALUE) {
      throw new IllegalArgumentException(
          "plugin state values are 0 to " + MAX_VALUE + " characters, never null");
    }
    String encrypted = cipher.encrypt(value, bound(connectionId, check(key)));
    PluginStateEntry entry =
        em.find(PluginStateEntry.class, new PluginStateEntry.Key(connectionId, key));
    if (entry == null) {
      em.persist(new PluginStateEntry(connectionId, key, encrypted, clock.instant()));
    } else {
      entry.replace(encrypted, clock.instant());
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void delete(String connectionId, String key) {
    PluginStateEntry entry =
        em.find(PluginStateEntry.class, new PluginStateEntry.Key(connectionId, check(key)));
    if (entry != null) {
      em.remove(entry);
    }
  }

  private static String check(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("plugin state keys are 1 to " + MAX_KEY + " characters");
    }
    return key;
  }

  private static String bound(String connectionId, String key) {
    return "state:" + connectionId + ":" + key;
  }
}
