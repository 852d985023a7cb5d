package io.switchboard.engine.application.agent;

import io.switchboard.engine.domain.AgentKey;
import io.switchboard.engine.domain.AgentPresence;
import io.switchboard.engine.domain.AgentReadMarker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Who has a conversation open and what each agent has read. Both are rows in the database, so every
 * instance sees the agents of every other: a heartbeat updates the agent's row, and the viewers of
 * a conversation are the other agents seen within {@link #WINDOW}.
 */
@ApplicationScoped
public class AgentPresences {
  /** A viewer counts as present this long after their last heartbeat (they beat every 10 s). */
  public static final Duration WINDOW = Duration.ofSeconds(20);

  /** How often an instance forgets old heartbeats, during a heartbeat (no schedule needed). */
  static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  private volatile Instant lastPrune = Instant.EPOCH;

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;

  /** One agent present on a conversation. */
  public record Viewer(String login, String name, boolean typing) {}

  /** The agent has the conversation open (and is typing or not). */
  @Transactional
  public void heartbeat(AgentSession s, String conversationId, boolean typing) {
    AgentKey key = new AgentKey(conversationId, s.crm(), s.login());
    AgentPresence p = em.find(AgentPresence.class, key);
    if (p == null) {
      em.persist(new AgentPresence(key, s.displayName(), typing, clock.instant()));
    } else {
      p.seen(s.displayName(), typing, clock.instant());
    }
    Instant now = clock.instant();
    if (now.isAfter(lastPrune.plus(PRUNE_EVERY))) {
      lastPrune = now;
      prune();
    }
  }

  /** The other agents of the session's CRM present on the conversation now. */
  @Transactional
  public List<Viewer> viewers(AgentSession s, String conversationId) {
    return present(s.crm(), conversationId, clock.instant()).stream()
        .filter(p -> !p.agentLogin().equals(s.login()))
        .map(p -> new Viewer(p.agentLogin(), p.agentName(), p.typing()))
        .toList();
  }

  /** Everyone of a CRM connection present on a conversation at {@code now}. */
  @Transactional
  public List<AgentPresence> present(String crm, String conversationId, Instant now) {
    return em.createQuery(
            "select p from AgentPresence p where p.conversationId = :c"
                + " and p.crmConnectionId = :k and p.seenAt > :since order by p.agentLogin",
            AgentPresence.class)
        .setParameter("c", conversationId)
        .setParameter("k", crm)
        .setParameter("since", now.minus(WINDOW))
        .getResultList();
  }

  /** The agent read the conversation up to now: its unread count is 0. */
  @Transactional
  public void markRead(AgentSession s, String conversationId) {
    AgentKey key = new AgentKey(conversationId, s.crm(), s.login());
    AgentReadMarker m = em.find(AgentReadMarker.class, key);
    if (m == null) {
      em.persist(new AgentReadMarker(key, clock.instant()));
    } else {
      m.readAt(clock.instant());
    }
  }

  /** Forgets heartbeats older than a minute (they only matter for {@link #WINDOW}). */
  @Transactional
  public int prune() {
    return em.createQuery("delete from AgentPresence p where p.seenAt < :before")
        .setParameter("before", clock.instant().minus(Duration.ofMinutes(1)))
        .executeUpdate();
  }
}
