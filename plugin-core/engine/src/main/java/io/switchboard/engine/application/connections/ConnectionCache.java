package io.switchboard.engine.application.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A short-lived cache of configured connections by id. Only connections that exist are kept: a miss
 * is never remembered, so a caller inventing ids (a scan of webhook URLs) costs one primary-key
 * lookup per request and no memory, and the cache never holds more entries than there are
 * connections.
 *
 * @param <T> the connection type
 */
final class ConnectionCache<T> {
  private record Cached<T>(T value, Instant until) {}

  private final Duration ttl;
  private final Map<String, Cached<T>> entries = new ConcurrentHashMap<>();

  ConnectionCache(Duration ttl) {
    this.ttl = ttl;
  }

  /** The cached connection, or the loader's answer (which is remembered only if present). */
  Optional<T> get(String id, Instant now, Supplier<T> loader) {
    Cached<T> hit = entries.get(id);
    if (hit != null && hit.until().isAfter(now)) {
      return Optional.of(hit.value());
    }
    T loaded = loader.get();
    if (loaded == null) {
      entries.remove(id); // a connection seen before and gone since must not linger either
      return Optional.empty();
    }
    entries.put(id, new Cached<>(loaded, now.plus(ttl)));
    return Optional.of(loaded);
  }

  void invalidate(String id) {
    entries.remove(id);
  }

  int size() {
    return entries.size();
  }
}
