package io.switchboard.spi.crm;

import java.time.Instant;
import java.util.Objects;

/**
 * The ticket's owner or group (team, queue) changed in the CRM.
 *
 * <pre>{@code
 * new AssignmentChange("txn:77", "42", "agent1", "Support", Instant.now())
 * }</pre>
 *
 * @param eventId the CRM's unique id of the change
 * @param ticketId the ticket
 * @param assignee the new owner's CRM login, or {@code null} when unassigned
 * @param group the ticket's group, team or queue after the change, or {@code null} when unknown
 * @param at when it changed
 */
public record AssignmentChange(
    String eventId, String ticketId, String assignee, String group, Instant at)
    implements CrmEvent {
  public AssignmentChange {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ticketId, "ticketId");
  }

  /** An owner change with the group unknown. */
  public AssignmentChange(String eventId, String ticketId, String assignee, Instant at) {
    this(eventId, ticketId, assignee, null, at);
  }
}
