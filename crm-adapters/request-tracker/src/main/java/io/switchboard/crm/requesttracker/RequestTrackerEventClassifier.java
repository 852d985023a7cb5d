package io.switchboard.crm.requesttracker;

import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.AssignmentChange;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.TicketStatusChange;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which RT transactions are agent events, the same way for webhooks and polling.
 *
 * <ul>
 *   <li>{@code Correspond} by a privileged RT user (staff: {@code Privileged = 1}) other than the
 *       API user, RT's system user and the ticket's requestors is an {@link AgentReply}, carrying
 *       the ticket's {@code Conversation Id}. This is the echo-loop guard: the adapter writes
 *       customer messages as the requester and everything else as the API user, and customers are
 *       unprivileged users, so neither their own messages (through the mail gateway or by e-mail),
 *       nor those of a former requestor after the requestors changed, ever go back to them. A
 *       Correspond whose author's privilege is unknown is no reply. Nor is one whose mail has the
 *       bridge's Message-ID ({@link MailGatewayMessage#isBridgeMessageId}): an agent's reply sent
 *       from the inbox view and recorded as theirs ({@link RequestTrackerReplyRecords}) was sent to
 *       the customer already.
 *   <li>{@code Set Owner}, {@code Give}, {@code Take}, {@code Steal}, {@code Untake} and {@code Set
 *       Queue} are {@link AssignmentChange}s with the owner and the queue after the change.
 *   <li>{@code Status} is a {@link TicketStatusChange} ({@link RequestTrackerStatuses}), unless a
 *       requestor made it (RT reopens a resolved ticket when the customer writes: the adapter's own
 *       write). {@code AddLink MergedInto} on the ticket merged away is a {@link
 *       TicketState#MERGED} change naming the surviving ticket.
 *   <li>Nothing the API user or {@code RT_System} did is an event; everything else (comments, mail
 *       records) is nothing. Custom field and {@code Set Subject}/{@code Priority} transactions are
 *       field changes, decided by {@link RequestTrackerFieldChanges}.
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
        && ("Correspond".equals(type)
            || isOwnerChange(type, field)
            || isQueueChange(type, field)
            || "Status".equals(type)
            || isMerge(type, field));
  }

  Optional<CrmEvent> classify(RequestTrackerTicketChange change) {
    if (!mayConcernAgents(change.type(), change.field(), change.creator())) {
      return Optional.empty();
    }
    String eventId = "txn:" + change.transactionId();
    boolean byRequestor =
        change.requestors().stream().anyMatch(r -> r.equalsIgnoreCase(change.creator()));
    if ("Correspond".equals(change.type())) {
      if (byRequestor
          || !Boolean.TRUE.equals(change.creatorPrivileged())
          || MailGatewayMessage.isBridgeMessageId(change.messageId())) {
        return Optional.empty();
      }
      return Optional.of(
          new AgentReply(
              eventId,
              change.ticketId(),
              change.creator(),
              change.text(),
              change.attachments(),
              change.at(),
              change.conversationId()));
    }
    if ("Status".equals(change.type())) {
      if (byRequestor) {
        return Optional.empty();
      }
      return RequestTrackerStatuses.toState(change.newValue())
          .map(
              state ->
                  new TicketStatusChange(eventId, change.ticketId(), state, null, change.at()));
    }
    if (isMerge(change.type(), change.field())) {
      return RequestTrackerStatuses.mergedInto(change.ticketId(), change.field(), change.newValue())
          .map(
              into ->
                  new TicketStatusChange(
                      eventId, change.ticketId(), TicketState.MERGED, into, change.at()));
    }
    String owner =
        change.newOwner() == null || NOBODY.equals(change.newOwner()) ? null : change.newOwner();
    return Optional.of(
        new AssignmentChange(eventId, change.ticketId(), owner, change.queue(), change.at()));
  }

  static boolean isOwnerChange(String type, String field) {
    return ("Set".equals(type) && "Owner".equals(field)) || OWNER_CHANGES.contains(type);
  }

  static boolean isQueueChange(String type, String field) {
    return "Set".equals(type) && "Queue".equals(field);
  }

  static boolean isMerge(String type, String field) {
    return "AddLink".equals(type) && "MergedInto".equals(field);
  }
}
