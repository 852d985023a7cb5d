package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.pipeline.ConversationWindow;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import io.switchboard.spi.channel.ConversationFacts;
import io.switchboard.spi.crm.capability.AgentSignOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox list: the conversations a session sees, filtered, searched and sorted by waiting time
 * ({@link InboxSql}), with the tab counts and, for the page only, each one's last message, unread
 * count, window and ticket link.
 */
@ApplicationScoped
public class AgentInbox {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject AgentAccess access;
  @Inject AgentSessions sessions;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject Clock clock;

  /** The tabs' counts under the filter (its view left out). */
  public record Counts(long mine, long unassigned, long all) {}

  public record Inbox(List<InboxSummary> items, Counts counts) {}

  @Transactional
  public Inbox list(AgentSession session, InboxFilter filter) {
    access.learnSomeTeams(session.crm());
    InboxSql page = InboxSql.of(session, filter);
    if (page == null) {
      return new Inbox(List.of(), new Counts(0, 0, 0));
    }
    page.view(filter.view(), session.login());
    Query q = bind(em.createNativeQuery(page.page()), page.parameters());
    q.setMaxResults(filter.limit());
    Map<String, Instant> waiting = new LinkedHashMap<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      waiting.put((String) r[0], InboxSql.instant(r[1]));
    }
    InboxSql countSql = InboxSql.of(session, filter);
    Object[] n =
        (Object[])
            bind(em.createNativeQuery(countSql.counts(session.login())), countSql.parameters())
                .getSingleResult();
    Counts counts = new Counts(number(n[0]), number(n[1]), number(n[2]));
    return new Inbox(summaries(session, waiting), counts);
  }

  /** The summary of one conversation the caller found visible. */
  @Transactional
  public InboxSummary summary(AgentSession session, Conversation c) {
    Map<String, Instant> waiting = new HashMap<>();
    waiting.put(c.id(), waitingSince(c.id()));
    return summaries(session, waiting).get(0);
  }

  /** Since when the customer of a conversation waits for an answer, or {@code null}. */
  @Transactional
  public Instant waitingSince(String conversationId) {
    return InboxSql.instant(
        em.createNativeQuery("select " + InboxSql.WAITING + " from conversation c where c.id = ?1")
            .setParameter(1, conversationId)
            .getSingleResult());
  }

  /** How many of the customer's messages came after the agent last read the conversation. */
  @Transactional
  public Map<String, Long> unread(AgentSession session, List<String> conversationIds) {
    Map<String, Long> unread = new HashMap<>();
    if (conversationIds.isEmpty()) {
      return unread;
    }
    StringBuilder in = new StringBuilder();
    List<Object> params = new ArrayList<>(List.of(session.crm(), session.login()));
    for (String id : conversationIds) {
      in.append(in.length() == 0 ? "" : ", ").append('?').append(params.size() + 1);
      params.add(id);
    }
    String sql =
        "select m.conversation_id, count(*) from message m left join agent_read r"
            + " on r.conversation_id = m.conversation_id and r.crm_connection_id = ?1"
            + " and r.agent_login = ?2 where m.conversation_id in ("
            + in
            + ") and m.direction = '"
            + Message.IN
            + "' and (r.read_at is null or m.created_at > r.read_at) group by m.conversation_id";
    for (Object row : bind(em.createNativeQuery(sql), params).getResultList()) {
      Object[] r = (Object[]) row;
      unread.put((String) r[0], number(r[1]));
    }
    return unread;
  }

  private List<InboxSummary> summaries(AgentSession session, Map<String, Instant> waiting) {
    if (waiting.isEmpty()) {
      return List.of();
    }
    List<String> ids = List.copyOf(waiting.keySet());
    Map<String, Conversation> byId = new HashMap<>();
    em.createQuery("select c from Conversation c where c.id in :ids", Conversation.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(c -> byId.put(c.id(), c));
    Map<String, Long> unread = unread(session, ids);
    Optional<AgentSignOn> signOn = connections.crm(session.crm()).flatMap(sessions::signOnOf);
    Map<String, Optional<io.switchboard.spi.channel.SendPolicy>> policies = new HashMap<>();
    List<InboxSummary> out = new ArrayList<>();
    for (String id : ids) {
      Conversation c = byId.get(id);
      if (c == null) {
        continue;
      }
      ChannelAccount channel = connections.channel(c.channelId()).orElse(null);
      ConversationWindow window =
          policies
              .computeIfAbsent(c.channelId(), k -> policyOf(channel))
              .map(
                  p ->
                      ConversationWindow.of(
                          p,
                          new ConversationFacts(
                              c.lastInboundAt(), c.adReferralAt(), clock.instant())))
              .orElse(null);
      out.add(
          new InboxSummary(
              c,
              c.customerId() == null ? null : em.find(Customer.class, c.customerId()),
              channel,
              c.crmTicketId() == null
                  ? null
                  : signOn.map(s -> s.ticketUrl(c.crmTicketId())).orElse(null),
              lastMessage(c.id()),
              waiting.get(id),
              unread.getOrDefault(id, 0L),
              window));
    }
    return out;
  }

  private Optional<io.switchboard.spi.channel.SendPolicy> policyOf(ChannelAccount channel) {
    if (channel == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(registry.connector(channel).sendPolicy());
    } catch (RuntimeException e) {
      return Optional.empty(); // the window is shown as unknown
    }
  }

  private Message lastMessage(String conversationId) {
    return em
        .createQuery(
            "select m from Message m where m.conversationId = :c and m.direction <> :note"
                + " order by m.createdAt desc, m.id desc",
            Message.class)
        .setParameter("c", conversationId)
        .setParameter("note", Message.NOTE)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static Query bind(Query q, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      Object p = parameters.get(i);
      q.setParameter(i + 1, p instanceof Instant t ? Timestamp.from(t) : p);
    }
    return q;
  }

  private static long number(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }
}
