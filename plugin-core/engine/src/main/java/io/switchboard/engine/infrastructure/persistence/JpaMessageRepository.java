package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMessageRepository implements MessageRepository {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public JpaMessageRepository() {}

  /** Over a given entity manager (tests, tools). */
  public JpaMessageRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Message> find(String id) {
    return Optional.ofNullable(em.find(Message.class, id));
  }

  @Override
  public Optional<Message> byExternalId(String channelId, String externalId) {
    return em
        .createQuery(
            "select m from Message m where m.channelId = :ch and m.externalId = :x", Message.class)
        .setParameter("ch", channelId)
        .setParameter("x", externalId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<Message> ofConversation(String conversationId) {
    return em.createQuery(
            "select m from Message m where m.conversationId = :c order by m.createdAt, m.id",
            Message.class)
        .setParameter("c", conversationId)
        .getResultList();
  }

  @Override
  public Optional<Message> bySourceEvent(String conversationId, String sourceEventId) {
    return em
        .createQuery(
            "select m from Message m where m.conversationId = :c and m.sourceEventId = :s",
            Message.class)
        .setParameter("c", conversationId)
        .setParameter("s", sourceEventId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Message> latestFromCustomer(String conversationId) {
    return em
        .createQuery(
            "select m from Message m where m.conversationId = :c and m.direction = :in"
                + " and m.externalId is not null order by m.createdAt desc, m.id desc",
            Message.class)
        .setParameter("c", conversationId)
        .setParameter("in", Message.IN)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Message> byCrmEntry(String conversationId, String crmEntryId) {
    return em
        .createQuery(
            "select m from Message m where m.conversationId = :c and m.crmEntryId = :e",
            Message.class)
        .setParameter("c", conversationId)
        .setParameter("e", crmEntryId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public void add(Message message) {
    em.persist(message);
  }
}
