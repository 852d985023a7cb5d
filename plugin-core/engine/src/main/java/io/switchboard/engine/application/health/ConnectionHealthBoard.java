package io.switchboard.engine.application.health;

import io.switchboard.engine.application.health.ConnectionHealth.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last probe result of each configured connection on this instance. Holds one entry per
 * configured connection: entries of connections no longer configured are dropped at each round.
 */
@ApplicationScoped
public class ConnectionHealthBoard {
  private final Map<String, ConnectionHealth> latest = new ConcurrentHashMap<>();

  public void record(ConnectionHealth health) {
    latest.put(health.key(), health);
  }

  /** The connection's last known health; UNKNOWN before its first probe. */
  public ConnectionHealth of(Kind kind, String id) {
    return latest.getOrDefault(kind.key(id), ConnectionHealth.unknown(kind, id));
  }

  /** Every recorded connection, CRMs first, then by id. */
  public List<ConnectionHealth> all() {
    return latest.values().stream()
        .sorted(Comparator.comparing(ConnectionHealth::kind).thenComparing(ConnectionHealth::id))
        .toList();
  }

  /** Forgets connections not in {@code configuredKeys} (see {@link ConnectionHealth#key()}). */
  public void retainOnly(Collection<String> configuredKeys) {
    Set<String> keep = Set.copyOf(configuredKeys);
    latest.keySet().retainAll(keep);
  }
}
