package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaConversationRepository implements ConversationRepository {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public JpaConversationRepository() {}

  /** Over a given entity manager (tests, tools). */
  public JpaConversationRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Conversation> find(String id) {
    return Optional.ofNullable(em.find(Conversation.class, id));
  }

  @Override
  public Optional<Conversation> openOf(String channelId, String customerId) {
    return em
        .createQuery(
            "select c from Conversation c where c.channelId = :ch and c.customerId = :cu"
                + " and c.status = :s order by c.createdAt desc",
            Conversation.class)
        .setParameter("ch", channelId)
        .setParameter("cu", customerId)
        .setParameter("s", Conversation.OPEN)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<Conversation> openOnChannel(String channelId) {
    return em.createQuery(
            "select c from Conversation c where c.channelId = :ch and c.status = :s",
            Conversation.class)
        .setParameter("ch", channelId)
        .setParameter("s", Conversation.OPEN)
        .getResultList();
  }

  @Override
  public Optional<Conversation> byTicket(String crmConnectionId, String ticketId) {
    return em
        .createQuery(
            "select c from Conversation c where c.crmConnectionId = :k and c.crmTicketId = :t",
            Conversation.class)
        .setParameter("k", crmConnectionId)
        .setParameter("t", ticketId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<Conversation> recent(int limit) {
    return em.createQuery(
            "select c from Conversation c order by c.updatedAt desc", Conversation.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(Conversation conversation) {
    em.persist(conversation);
  }
}
