package io.switchboard.engine.application.connections;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.ConnectionRepository;
import io.switchboard.engine.domain.CrmConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads configured channel accounts and CRM connections. Lookups on the webhook path are cached for
 * a few seconds: a change made through another instance is seen within {@link #TTL}; one made here
 * is seen at once. Unknown ids are not remembered (see {@link ConnectionCache}).
 */
@ApplicationScoped
public class Connections {
  static final Duration TTL = Duration.ofSeconds(5);

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject ConnectionRepository repository;

  @Inject Clock clock;

  private final ConnectionCache<ChannelAccount> channelCache = new ConnectionCache<>(TTL);
  private final ConnectionCache<CrmConnection> crmCache = new ConnectionCache<>(TTL);

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChannelAccount> channel(String id) {
    return channelCache.get(id, clock.instant(), () -> detached(em.find(ChannelAccount.class, id)));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<CrmConnection> crm(String id) {
    return crmCache.get(id, clock.instant(), () -> detached(em.find(CrmConnection.class, id)));
  }

  private <T> T detached(T loaded) {
    if (loaded != null && em.isJoinedToTransaction()) {
      em.detach(loaded); // the cached copy must never be changed through a later transaction
    }
    return loaded;
  }

  /** Forgets cached entries after a change made on this instance. */
  public void invalidate(String id) {
    channelCache.invalidate(id);
    crmCache.invalidate(id);
  }

  @Transactional
  public List<ChannelAccount> channels() {
    return repository.channels();
  }

  @Transactional
  public List<CrmConnection> crms() {
    return repository.crms();
  }
}
