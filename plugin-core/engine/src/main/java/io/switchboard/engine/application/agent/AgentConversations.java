package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.conversations.ConversationWindows;
import io.switchboard.engine.application.conversations.CustomerProfiles;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CustomerOrder;
import io.switchboard.engine.domain.CustomerOrderRepository;
import io.switchboard.spi.crm.capability.AgentSignOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * One conversation as the agent's detail pane shows it: its summary, its window in full, who else
 * has it open, and the customer panel (profile, identities, newest orders, earlier conversations
 * with their tickets), read through the existing queries.
 */
@ApplicationScoped
public class AgentConversations {
  static final int ORDERS = 20;
  static final int EARLIER = 20;

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject AgentAccess access;
  @Inject AgentInbox inbox;
  @Inject AgentPresences presences;
  @Inject ConversationWindows windows;
  @Inject CustomerProfiles profiles;
  @Inject CustomerOrderRepository orders;
  @Inject AgentSessions sessions;
  @Inject Connections connections;

  /** An earlier conversation of the customer, with its ticket link. */
  public record Earlier(Conversation conversation, String ticketUrl) {}

  public record Detail(
      InboxSummary summary,
      ConversationWindows.Windowed windowed,
      List<AgentPresences.Viewer> viewers,
      Optional<CustomerProfiles.Profile> profile,
      List<CustomerOrder> orders,
      List<Earlier> earlier) {}

  @Transactional
  public Optional<Detail> detail(AgentSession s, String conversationId) {
    Optional<Conversation> visible = access.visible(s, conversationId);
    if (visible.isEmpty()) {
      return Optional.empty();
    }
    Conversation c = visible.get();
    Optional<AgentSignOn> signOn = connections.crm(s.crm()).flatMap(sessions::signOnOf);
    List<Earlier> earlier =
        c.customerId() == null
            ? List.of()
            : em
                .createQuery(
                    "select c from Conversation c where c.customerId = :cu and c.id <> :id"
                        + " and c.crmConnectionId = :k order by c.createdAt desc",
                    Conversation.class)
                .setParameter("cu", c.customerId())
                .setParameter("id", c.id())
                .setParameter("k", s.crm())
                .setMaxResults(EARLIER)
                .getResultList()
                .stream()
                .map(
                    e ->
                        new Earlier(
                            e,
                            e.crmTicketId() == null
                                ? null
                                : signOn.map(o -> o.ticketUrl(e.crmTicketId())).orElse(null)))
                .toList();
    return Optional.of(
        new Detail(
            inbox.summary(s, c),
            windows.find(c.id()).orElse(null),
            presences.viewers(s, c.id()),
            c.customerId() == null ? Optional.empty() : profiles.profile(c.customerId()),
            c.customerId() == null ? List.of() : orders.ofCustomer(c.customerId(), ORDERS),
            earlier));
  }
}
