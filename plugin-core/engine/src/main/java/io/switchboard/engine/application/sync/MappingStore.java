package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.MappingVersion;
import io.switchboard.sync.MappingChange;
import io.switchboard.sync.MappingDiff;
import io.switchboard.sync.MappingFile;
import io.switchboard.sync.MappingSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versions of each CRM connection's mapping set ({@code mapping_version}): the newest is in
 * force. Saving never changes a version; it adds one. The set in force is cached for a few seconds
 * per connection, since every sync and CRM field change reads it (another instance's save shows
 * after at most {@link #CACHE_TTL}).
 */
@ApplicationScoped
public class MappingStore {
  static final Duration CACHE_TTL = Duration.ofSeconds(5);

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;
  @Inject SyncStates states;

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(MappingSet set, Instant loadedAt) {}

  /** The base version a save was made on is no longer the newest. */
  public static final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VersionConflictException(String message) {
      super(message);
    }
  }

  /** The mapping set in force (empty when never mapped), possibly a few seconds old. */
  public MappingSet inForce(String connectionId) {
    Cached c = cache.get(connectionId);
    Instant now = clock.instant();
    if (c == null || c.loadedAt().plus(CACHE_TTL).isBefore(now)) {
      c = new Cached(current(connectionId).set(), now);
      cache.put(connectionId, c);
    }
    return c.set();
  }

  /** The newest version, or {@link StoredMapping#NONE}. */
  @Transactional
  public StoredMapping current(String connectionId) {
    return em.createQuery(
            "select v from MappingVersion v where v.crmConnectionId = :c order by v.version desc",
            MappingVersion.class)
        .setParameter("c", connectionId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(StoredMapping::of)
        .orElse(StoredMapping.NONE);
  }

  @Transactional
  public Optional<StoredMapping> version(String connectionId, int version) {
    if (version == 0) {
      return Optional.of(StoredMapping.NONE);
    }
    return Optional.ofNullable(
            em.find(MappingVersion.class, new MappingVersion.Key(connectionId, version)))
        .map(StoredMapping::of);
  }

  /** Newest first. */
  @Transactional
  public List<StoredMapping> versions(String connectionId, int limit) {
    return em
        .createQuery(
            "select v from MappingVersion v where v.crmConnectionId = :c order by v.version desc",
            MappingVersion.class)
        .setParameter("c", connectionId)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(StoredMapping::of)
        .toList();
  }

  /**
   * Adds a version (the caller validated the set against the CRM's schema). The mappings it changes
   * or removes forget their sync state, so the next sync writes every object's field in its new
   * form.
   *
   * @param baseVersion the version the author started from, or {@code null} to save over any
   * @throws VersionConflictException when {@code baseVersion} is not the newest version
   */
  @Transactional
  public StoredMapping save(
      String connectionId, MappingSet set, String author, String comment, Integer baseVersion) {
    StoredMapping current = current(connectionId);
    if (baseVersion != null && baseVersion != current.version()) {
      throw new VersionConflictException(
          "the mapping was changed meanwhile: version "
              + current.version()
              + " by "
              + current.author()
              + " is newer than version "
              + baseVersion
              + " this change was made on; reload and apply the change again");
    }
    List<MappingChange> changes = MappingDiff.between(current.set(), set);
    int added = 0;
    int removed = 0;
    int changed = 0;
    for (MappingChange c : changes) {
      switch (c.kind()) {
        case ADDED -> added++;
        case REMOVED -> removed++;
        case CHANGED -> changed++;
      }
      if (c.before() != null) {
        states.forgetField(connectionId, c.before().target(), c.before().crmField());
      }
    }
    MappingVersion row =
        new MappingVersion(
            connectionId,
            current.version() + 1,
            author,
            comment,
            MappingFile.write(set, MappingFile.Format.JSON),
            added,
            removed,
            changed,
            clock.instant());
    em.persist(row);
    em.flush();
    cache.remove(connectionId);
    return StoredMapping.of(row);
  }
}
