package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.spi.PermanentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The short transactions around {@link AssignEffect}. */
@ApplicationScoped
public class AssignRecords {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;

  /** What the conversation's assignment is now. */
  public record Wanted(String ticketId, String agent, String team, String connectionId) {}

  @Transactional
  public Wanted wanted(String conversationId) throws PermanentException {
    Conversation c = em.find(Conversation.class, conversationId);
    if (c == null) {
      throw new PermanentException("conversation " + conversationId + " does not exist", null);
    }
    return new Wanted(c.crmTicketId(), c.assignee(), c.assignedGroup(), c.crmConnectionId());
  }

  /** The agent was named by e-mail: the conversation shows the CRM login from now on. */
  @Transactional
  public void loginIs(String conversationId, String named, String login) {
    Conversation c = em.find(Conversation.class, conversationId);
    if (c != null && named.equals(c.assignee())) {
      c.assignTo(login, null, clock.instant());
    }
  }
}
