package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.engine.domain.ChannelTemplateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The synced templates of channel accounts, in table {@code channel_template}. */
@ApplicationScoped
public class JpaChannelTemplateRepository implements ChannelTemplateRepository {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public JpaChannelTemplateRepository() {}

  /** Over a given entity manager (tests, tools). */
  public JpaChannelTemplateRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public List<ChannelTemplate> ofChannel(String channelId) {
    return em.createQuery(
            "select t from ChannelTemplate t where t.channelId = :c order by t.name, t.language",
            ChannelTemplate.class)
        .setParameter("c", channelId)
        .getResultList();
  }

  @Override
  public Optional<ChannelTemplate> find(String channelId, String name, String language) {
    return em.createQuery(
            "select t from ChannelTemplate t where t.channelId = :c and t.name = :n"
                + " and t.language = :l",
            ChannelTemplate.class)
        .setParameter("c", channelId)
        .setParameter("n", name)
        .setParameter("l", language)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ChannelTemplate> byExternalId(String channelId, String externalId) {
    return em.createQuery(
            "select t from ChannelTemplate t where t.channelId = :c and t.externalId = :e",
            ChannelTemplate.class)
        .setParameter("c", channelId)
        .setParameter("e", externalId)
        .getResultList();
  }

  @Override
  public List<ChannelTemplate> byName(String channelId, String name) {
    return em.createQuery(
            "select t from ChannelTemplate t where t.channelId = :c and t.name = :n"
                + " order by t.language",
            ChannelTemplate.class)
        .setParameter("c", channelId)
        .setParameter("n", name)
        .getResultList();
  }

  @Override
  public void lockForSync(String channelId) {
    em.find(
        io.switchboard.engine.domain.ChannelAccount.class,
        channelId,
        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
  }

  @Override
  public void add(ChannelTemplate template) {
    em.persist(template);
  }

  @Override
  public void remove(ChannelTemplate template) {
    em.remove(em.contains(template) ? template : em.merge(template));
  }
}
