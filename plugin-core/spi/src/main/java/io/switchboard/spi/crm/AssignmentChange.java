package io.switchboard.spi.crm;

import java.time.Instant;
import java.util.Objects;

/**
 * The ticket's owner changed in the CRM.
 *
 * @param eventId the CRM's unique id of the change
 * @param ticketId the ticket
 * @param assignee the new owner's CRM user name, or {@code null} when unassigned
 * @param at when it changed
 */
public record AssignmentChange(String eventId, String ticketId, String assignee, Instant at)
    implements CrmEvent {
  public AssignmentChange {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ticketId, "ticketId");
  }
}
