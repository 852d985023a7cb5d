package io.switchboard.crm.requesttracker;

import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.AssignmentChange;
import io.switchboard.spi.crm.CrmEvent;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which RT transactions are agent events, the same way for webhooks and polling.
 *
 * <ul>
 *   <li>{@code Correspond} by a privileged RT user (staff: {@code Privileged = 1}) other than the
 *       API user, RT's system user and the ticket's requestors is an {@link AgentReply}. This is
 *       the echo-loop guard: the adapter writes customer messages as the requester and everything
 *       else as the API user, and customers are unprivileged users, so neither their own messages
 *       (through the mail gateway or by e-mail), nor those of a former requestor after the
 *       requestors changed, ever go back to them. A Correspond whose author's privilege is unknown
 *       is no reply.
 *   <li>{@code Set Owner}, {@code Give}, {@code Take}, {@code Steal}, {@code Untake} not made by
 *       the API user are {@link AssignmentChange}s.
 *   <li>Everything else (comments, statuses, custom fields, mail records) is nothing.
 * </ul>
 *
 * Event ids are {@code "txn:<transaction id>"} on both paths.
 */
final class RequestTrackerEventClassifier {
  private static final Set<String> OWNER_CHANGES = Set.of("Give", "Take", "Steal", "Untake");
  private static final String SYSTEM_USER = "RT_System";
  private static final String NOBODY = "Nobody";

  private final String apiUser;

  RequestTrackerEventClassifier(String apiUser) {
    this.apiUser = apiUser;
  }

  /** Whether a transaction of this type and author can be an agent event at all. */
  boolean mayConcernAgents(String type, String field, String creator) {
    return creator != null
        && !creator.equalsIgnoreCase(apiUser)
        && !creator.equals(SYSTEM_USER)
        && ("Correspond".equals(type) || isOwnerChange(type, field));
  }

  Optional<CrmEvent> classify(RequestTrackerTicketChange change) {
    if (!mayConcernAgents(change.type(), change.field(), change.creator())) {
      return Optional.empty();
    }
    String eventId = "txn:" + change.transactionId();
    if ("Correspond".equals(change.type())) {
      boolean byRequestor =
          change.requestors().stream().anyMatch(r -> r.equalsIgnoreCase(change.creator()));
      if (byRequestor || !Boolean.TRUE.equals(change.creatorPrivileged())) {
        return Optional.empty();
      }
      return Optional.of(
          new AgentReply(
              eventId,
              change.ticketId(),
              change.creator(),
              change.text(),
              change.attachments(),
              change.at()));
    }
    String owner =
        change.newOwner() == null || NOBODY.equals(change.newOwner()) ? null : change.newOwner();
    return Optional.of(new AssignmentChange(eventId, change.ticketId(), owner, change.at()));
  }

  static boolean isOwnerChange(String type, String field) {
    return ("Set".equals(type) && "Owner".equals(field)) || OWNER_CHANGES.contains(type);
  }
}
