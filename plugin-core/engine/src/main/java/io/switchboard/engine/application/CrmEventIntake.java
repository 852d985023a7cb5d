package io.switchboard.engine.application;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.AssignmentChange;
import io.switchboard.spi.crm.CrmEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Step 2 for CRM events: an agent's public reply becomes an outbound message (sent through the
 * outbox); an assignment change is recorded on the conversation.
 */
@ApplicationScoped
public class CrmEventIntake {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Outbox outbox;
  @Inject Clock clock;

  /**
   * @return a note when the event was deliberately not acted on, else empty
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> handle(CrmConnection connection, CrmEvent event) {
    Optional<Conversation> conversation = byTicket(connection.id(), event.ticketId());
    if (conversation.isEmpty()) {
      return Optional.of(
          "ticket " + event.ticketId() + " is not linked to a Switchboard conversation; ignored");
    }
    Instant now = clock.instant();
    if (event instanceof AgentReply reply) {
      if (reply.text() == null || reply.text().isBlank()) {
        return Optional.of("agent reply " + reply.eventId() + " has no text; nothing to send");
      }
      Message message =
          Message.fromAgent(conversation.get(), reply.author(), reply.text(), reply.eventId(), now);
      em.persist(message);
      String target = Sources.channel(conversation.get().channelId());
      outbox.enqueue(
          connection.workspaceId(),
          target,
          OutboxActions.SEND_TO_CHANNEL,
          target + "|" + conversation.get().id(),
          Sources.crm(connection.id()) + "|" + reply.eventId(),
          message.id());
    } else if (event instanceof AssignmentChange change) {
      conversation.get().assignTo(change.assignee(), now);
    }
    return Optional.empty();
  }

  private Optional<Conversation> byTicket(String connectionId, String ticketId) {
    return em
        .createQuery(
            "select c from Conversation c where c.crmConnectionId = :k and c.crmTicketId = :t",
            Conversation.class)
        .setParameter("k", connectionId)
        .setParameter("t", ticketId)
        .getResultList()
        .stream()
        .findFirst();
  }
}
