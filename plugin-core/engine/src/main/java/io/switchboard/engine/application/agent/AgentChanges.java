package io.switchboard.engine.application.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What changed in the database since a time, as the event feed needs it: conversations updated,
 * messages created or changed, agents present. One short read-only transaction per poll; the rows
 * carry the conversation's CRM connection and team, so the feed filters without reading again.
 */
@ApplicationScoped
public class AgentChanges {
  // A burst larger than this is picked up by the next polls (the cursor follows what was read).
  static final int MAX_ROWS = 2000;

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  /** A conversation that changed. */
  public record ConversationChange(String id, String crm, String team, Instant at) {}

  /** A message that was created or changed status. */
  public record MessageChange(
      String id, String conversation, String crm, String team, String status, Instant at) {}

  /** An agent present on a conversation. */
  public record Presence(
      String conversation,
      String crm,
      String team,
      String login,
      String name,
      boolean typing,
      Instant seenAt) {}

  public record Changes(
      List<ConversationChange> conversations,
      List<MessageChange> messages,
      List<Presence> presence) {}

  /**
   * @param since changes after this
   * @param presentSince heartbeats after this
   */
  @Transactional
  public Changes since(Instant since, Instant presentSince) {
    List<ConversationChange> conversations =
        rows(
                "select c.id, c.crmConnectionId, c.assignedGroup, c.updatedAt from Conversation c"
                    + " where c.updatedAt > :t order by c.updatedAt",
                since)
            .stream()
            .map(r -> new ConversationChange(s(r[0]), s(r[1]), s(r[2]), (Instant) r[3]))
            .toList();
    List<MessageChange> messages =
        rows(
                "select m.id, m.conversationId, c.crmConnectionId, c.assignedGroup, m.status,"
                    + " m.updatedAt from Message m, Conversation c where c.id = m.conversationId"
                    + " and m.updatedAt > :t order by m.updatedAt",
                since)
            .stream()
            .map(
                r ->
                    new MessageChange(
                        s(r[0]), s(r[1]), s(r[2]), s(r[3]), String.valueOf(r[4]), (Instant) r[5]))
            .toList();
    // a file fetched (or given up) after its message arrived changes how the message shows
    List<MessageChange> media =
        rows(
                "select m.id, m.conversationId, c.crmConnectionId, c.assignedGroup, m.status,"
                    + " mo.updatedAt from MediaObject mo, Message m, Conversation c"
                    + " where m.id = mo.messageId and c.id = m.conversationId"
                    + " and mo.updatedAt > :t order by mo.updatedAt",
                since)
            .stream()
            .map(
                r ->
                    new MessageChange(
                        s(r[0]), s(r[1]), s(r[2]), s(r[3]), String.valueOf(r[4]), (Instant) r[5]))
            .toList();
    if (!media.isEmpty()) {
      List<MessageChange> all = new java.util.ArrayList<>(messages);
      all.addAll(media);
      all.sort(java.util.Comparator.comparing(MessageChange::at));
      messages = all;
    }
    List<Presence> presence =
        rows(
                "select p.conversationId, p.crmConnectionId, c.assignedGroup, p.agentLogin,"
                    + " p.agentName, p.typing, p.seenAt from AgentPresence p, Conversation c"
                    + " where c.id = p.conversationId and p.seenAt > :t order by p.agentLogin",
                presentSince)
            .stream()
            .map(
                r ->
                    new Presence(
                        s(r[0]),
                        s(r[1]),
                        s(r[2]),
                        s(r[3]),
                        s(r[4]),
                        Boolean.TRUE.equals(r[5]),
                        (Instant) r[6]))
            .toList();
    return new Changes(conversations, messages, presence);
  }

  private List<Object[]> rows(String jpql, Instant after) {
    return em.createQuery(jpql, Object[].class)
        .setParameter("t", after)
        .setMaxResults(MAX_ROWS)
        .getResultList();
  }

  private static String s(Object o) {
    return o == null ? null : o.toString();
  }
}
