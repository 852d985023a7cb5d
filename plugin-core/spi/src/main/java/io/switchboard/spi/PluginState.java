package io.switchboard.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small values a plugin keeps through the engine for its connection: a refreshed OAuth token, a
 * sync cursor, a cached schema version. The engine stores them encrypted at rest, shared by all
 * instances; a value survives restarts and reconfiguration, and is deleted with the connection.
 * Keys are at most 100 characters, values at most 64 KiB. Not for bulk data.
 *
 * <pre>{@code
 * Optional<String> token = context.state().get("oauth.accessToken");
 * context.state().put("oauth.accessToken", refreshed);
 * }</pre>
 */
public interface PluginState {

  /** The stored value, if any. */
  Optional<String> get(String key);

  /** Stores a value, replacing an earlier one. */
  void put(String key, String value);

  /** Forgets a value. */
  void remove(String key);

  /** A state that lives only in memory, for tests and tools. */
  static PluginState inMemory() {
    Map<String, String> values = new ConcurrentHashMap<>();
    return new PluginState() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
      }

      @Override
      public void put(String key, String value) {
        values.put(key, value);
      }

      @Override
      public void remove(String key) {
        values.remove(key);
      }
    };
  }
}
