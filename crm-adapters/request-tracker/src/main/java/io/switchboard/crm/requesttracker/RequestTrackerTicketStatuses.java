package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtTicket;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.capability.TicketStatuses;

/**
 * A ticket's status through {@link RequestTrackerStatuses}. A ticket merged into another reads as
 * {@link TicketState#MERGED} (REST2 answers its id with the surviving ticket); MERGED cannot be
 * set. Setting the status a ticket already has writes nothing.
 */
final class RequestTrackerTicketStatuses implements TicketStatuses {
  private final RequestTrackerRestClient rt;
  private final RequestTrackerTickets tickets;

  RequestTrackerTicketStatuses(RequestTrackerRestClient rt, RequestTrackerTickets tickets) {
    this.rt = rt;
    this.tickets = tickets;
  }

  @Override
  public TicketState status(String ticketId) throws RetryableException, PermanentException {
    RtTicket ticket = tickets.get(ticketId);
    if (!ticketId.equals(ticket.id())) {
      return TicketState.MERGED;
    }
    return RequestTrackerStatuses.toState(ticket.status())
        .orElseThrow(
            () ->
                new PermanentException(
                    "ticket "
                        + ticketId
                        + " has the status "
                        + ticket.status()
                        + " of a custom RT lifecycle, which the adapter cannot map",
                    null,
                    null,
                    FailureReason.NOT_IMPLEMENTED));
  }

  @Override
  public void changeStatus(String ticketId, TicketState state)
      throws RetryableException, PermanentException {
    if (state == TicketState.MERGED) {
      throw new PermanentException(
          "a ticket is merged into another in RT itself; MERGED cannot be set as a status",
          null,
          null,
          FailureReason.INVALID_CONTENT);
    }
    String wanted = RequestTrackerStatuses.toRtStatus(state);
    RtTicket ticket = tickets.get(ticketId);
    if (wanted.equalsIgnoreCase(ticket.status())) {
      return;
    }
    rt.put(
            "/ticket/" + ticket.id(),
            RtJson.JSON.createObjectBuilder().add("Status", wanted).build())
        .requireSuccess("setting ticket " + ticketId + " to " + wanted);
  }
}
