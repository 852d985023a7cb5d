package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.Assignment;
import io.switchboard.spi.crm.capability.Assignments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The agent view's one access rule: a session sees a conversation iff the conversation belongs to
 * the session's CRM connection and its team ({@code assigned_group}, the RT queue) is one of the
 * session's teams. Anything else is answered as if it did not exist.
 *
 * <p>The team is recorded when the engine opens the ticket ({@code CrmDeliveryEffect}). A
 * conversation from before that (team unknown) gets it on first access: the ticket's assignment is
 * read once through the adapter's {@link Assignments} and stored; until the CRM tells, nobody sees
 * it (never guess a team).
 */
@ApplicationScoped
public class AgentAccess {
  private static final Logger LOG = Logger.getLogger(AgentAccess.class.getName());
  private static final int BACKFILL_BATCH = 5;

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject ConversationRepository conversations;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject Clock clock;

  // Conversations whose team this instance asked for in vain: not asked again on every listing.
  private final Set<String> askedInVain = ConcurrentHashMap.newKeySet();

  /** The conversation, when the session may see it. */
  @Transactional
  public Optional<Conversation> visible(AgentSession session, String conversationId) {
    if (conversationId == null) {
      return Optional.empty();
    }
    Optional<Conversation> found = conversations.find(conversationId);
    if (found.isEmpty() || !session.crm().equals(found.get().crmConnectionId())) {
      return Optional.empty();
    }
    Conversation c = found.get();
    if (c.assignedGroup() == null) {
      learnTeam(c);
    }
    return session.sees(c.crmConnectionId(), c.assignedGroup()) ? found : Optional.empty();
  }

  /**
   * Learns the teams of a few conversations of the CRM connection whose team is unknown (newest
   * first), so that older conversations reach the inbox list too.
   */
  @Transactional
  public void learnSomeTeams(String crmConnectionId) {
    List<Conversation> unknown =
        em.createQuery(
                "select c from Conversation c where c.crmConnectionId = :k"
                    + " and c.assignedGroup is null and c.crmTicketId is not null"
                    + " order by c.updatedAt desc",
                Conversation.class)
            .setParameter("k", crmConnectionId)
            .setMaxResults(BACKFILL_BATCH + askedInVain.size())
            .getResultList();
    unknown.stream()
        .filter(c -> !askedInVain.contains(c.id()))
        .limit(BACKFILL_BATCH)
        .forEach(this::learnTeam);
  }

  private void learnTeam(Conversation c) {
    if (c.crmTicketId() == null || askedInVain.contains(c.id())) {
      return;
    }
    Optional<Assignments> assignments = assignmentsOf(c.crmConnectionId());
    String group = null;
    if (assignments.isPresent()) {
      try {
        Assignment a = assignments.get().assignment(c.crmTicketId());
        group = a == null ? null : a.group();
      } catch (RetryableException | PermanentException | RuntimeException e) {
        LOG.fine("team of ticket " + c.crmTicketId() + " unknown: " + e.getMessage());
      }
    }
    if (group == null || group.isBlank()) {
      if (askedInVain.size() > 10_000) {
        askedInVain.clear(); // bounded; asking again later is harmless
      }
      askedInVain.add(c.id());
      return;
    }
    c.inTeam(group, clock.instant());
  }

  private Optional<Assignments> assignmentsOf(String crmConnectionId) {
    Optional<CrmConnection> crm = connections.crm(crmConnectionId);
    if (crm.isEmpty()) {
      return Optional.empty();
    }
    try {
      return registry.adapter(crm.get()).capability(Assignments.class);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
