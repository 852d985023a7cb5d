package io.switchboard.spi.crm.capability;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.TicketState;

/**
 * Reads and changes a ticket's status; the CRM reports its own changes (solved, reopened, merged)
 * as {@link io.switchboard.spi.crm.TicketStatusChange} events.
 *
 * <pre>{@code
 * if (statuses.status("42") == TicketState.SOLVED) statuses.changeStatus("42", TicketState.OPEN);
 * }</pre>
 */
public interface TicketStatuses {

  TicketState status(String ticketId) throws RetryableException, PermanentException;

  /** Changes the status; {@link TicketState#MERGED} cannot be set this way. */
  void changeStatus(String ticketId, TicketState state)
      throws RetryableException, PermanentException;
}
