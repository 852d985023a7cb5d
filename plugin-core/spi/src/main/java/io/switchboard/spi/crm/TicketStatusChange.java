package io.switchboard.spi.crm;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket's status changed in the CRM: solved, reopened, merged into another ticket, deleted.
 *
 * <pre>{@code
 * new TicketStatusChange("txn:80", "42", TicketState.SOLVED, null, Instant.now())
 * new TicketStatusChange("txn:81", "42", TicketState.MERGED, "40", Instant.now())
 * }</pre>
 *
 * @param eventId the CRM's unique id of the change
 * @param ticketId the ticket
 * @param state the status after the change
 * @param mergedIntoTicketId for {@link TicketState#MERGED}, the ticket that lives on, else {@code
 *     null}
 * @param at when it changed
 */
public record TicketStatusChange(
    String eventId, String ticketId, TicketState state, String mergedIntoTicketId, Instant at)
    implements CrmEvent {
  public TicketStatusChange {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(state, "state");
    if (state == TicketState.MERGED && mergedIntoTicketId == null) {
      throw new IllegalArgumentException("a merge names the ticket merged into");
    }
  }
}
