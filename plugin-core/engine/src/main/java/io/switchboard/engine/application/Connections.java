package io.switchboard.engine.application;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.CrmConnection;
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
 * Reads configured channel accounts and CRM connections. Lookups on the webhook path are cached for
 * a few seconds: a change made through another instance is seen within {@link #TTL}; one made here
 * is seen at once.
 */
@ApplicationScoped
public class Connections {
  static final Duration TTL = Duration.ofSeconds(5);

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;

  private record Cached<T>(T value, Instant until) {}

  private final Map<String, Cached<ChannelAccount>> channelCache = new ConcurrentHashMap<>();
  private final Map<String, Cached<CrmConnection>> crmCache = new ConcurrentHashMap<>();

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChannelAccount> channel(String id) {
    return cached(channelCache, id, () -> em.find(ChannelAccount.class, id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<CrmConnection> crm(String id) {
    return cached(crmCache, id, () -> em.find(CrmConnection.class, id));
  }

  private <T> Optional<T> cached(
      Map<String, Cached<T>> cache, String id, java.util.function.Supplier<T> loader) {
    Instant now = clock.instant();
    Cached<T> hit = cache.get(id);
    if (hit != null && hit.until().isAfter(now)) {
      return Optional.ofNullable(hit.value());
    }
    T loaded = loader.get();
    if (loaded != null && em.isJoinedToTransaction()) {
      em.detach(loaded); // the cached copy must never be changed through a later transaction
    }
    cache.put(id, new Cached<>(loaded, now.plus(TTL)));
    return Optional.ofNullable(loaded);
  }

  /** Forgets cached entries after a change made on this instance. */
  public void invalidate(String id) {
    channelCache.remove(id);
    crmCache.remove(id);
  }

  @Transactional
  public List<ChannelAccount> channels() {
    return em.createQuery("select c from ChannelAccount c order by c.id", ChannelAccount.class)
        .getResultList();
  }

  @Transactional
  public List<CrmConnection> crms() {
    return em.createQuery("select c from CrmConnection c order by c.id", CrmConnection.class)
        .getResultList();
  }
}
