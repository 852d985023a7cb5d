package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.ChannelApp;
import io.switchboard.engine.domain.ConnectionRepository;
import io.switchboard.engine.domain.CrmConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaConnectionRepository implements ConnectionRepository {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public JpaConnectionRepository() {}

  /** Over a given entity manager (tests, tools). */
  public JpaConnectionRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<ChannelApp> app(String id) {
    return Optional.ofNullable(em.find(ChannelApp.class, id));
  }

  @Override
  public List<ChannelApp> apps() {
    return em.createQuery("select a from ChannelApp a order by a.id", ChannelApp.class)
        .getResultList();
  }

  @Override
  public Optional<ChannelAccount> channel(String id) {
    return Optional.ofNullable(em.find(ChannelAccount.class, id));
  }

  @Override
  public List<ChannelAccount> channels() {
    return em.createQuery("select c from ChannelAccount c order by c.id", ChannelAccount.class)
        .getResultList();
  }

  @Override
  public Optional<CrmConnection> crm(String id) {
    return Optional.ofNullable(em.find(CrmConnection.class, id));
  }

  @Override
  public List<CrmConnection> crms() {
    return em.createQuery("select c from CrmConnection c order by c.id", CrmConnection.class)
        .getResultList();
  }

  @Override
  public Optional<ChannelAccount> accountOfApp(String appId, String accountId) {
    return first(
        em.createQuery(
                "select c from ChannelAccount c where c.appId = :a and c.accountId = :id"
                    + " order by c.id",
                ChannelAccount.class)
            .setParameter("a", appId)
            .setParameter("id", accountId)
            .setMaxResults(1)
            .getResultList());
  }

  @Override
  public Optional<ChannelAccount> accountByAccountId(String plugin, String accountId) {
    return first(
        em.createQuery(
                "select c from ChannelAccount c where c.plugin = :p and c.accountId = :id"
                    + " order by c.id",
                ChannelAccount.class)
            .setParameter("p", plugin)
            .setParameter("id", accountId)
            .setMaxResults(1)
            .getResultList());
  }

  @Override
  public List<ChannelAccount> othersWithAccountId(String accountId, String exceptChannelId) {
    return em.createQuery(
            "select c from ChannelAccount c where c.accountId = :a and c.id <> :id",
            ChannelAccount.class)
        .setParameter("a", accountId)
        .setParameter("id", exceptChannelId)
        .getResultList();
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.stream().findFirst();
  }
}
