package io.switchboard.engine.application;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.ChannelApp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Routing by account: finds the channel account an event belongs to, by the app it came through and
 * the account id it carries (WhatsApp {@code phone_number_id}). One primary-key or indexed lookup
 * each; nothing is cached for ids that do not exist.
 */
@ApplicationScoped
public class ChannelRouting {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChannelApp> app(String id) {
    return Optional.ofNullable(em.find(ChannelApp.class, id));
  }

  /** The account of an app with that account id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChannelAccount> account(String appId, String accountId) {
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

  /**
   * The account with that account id among accounts of the same plugin (for an event that came
   * through another account's own webhook URL but names a different number).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChannelAccount> byAccountId(String plugin, String accountId) {
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

  @Transactional
  public List<ChannelApp> apps() {
    return em.createQuery("select a from ChannelApp a order by a.id", ChannelApp.class)
        .getResultList();
  }

  private static <T> Optional<T> first(List<T> list) {
    return list.stream().findFirst();
  }
}
