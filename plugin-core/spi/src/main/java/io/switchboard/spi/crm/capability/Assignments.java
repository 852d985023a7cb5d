package io.switchboard.spi.crm.capability;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;

/**
 * Reads and changes a ticket's owner and group. Changes made in the CRM arrive as {@link
 * io.switchboard.spi.crm.AssignmentChange} events; changes the adapter makes itself must not come
 * back as events.
 *
 * <pre>{@code
 * assignments.assign("42", new Assignment("agent2", null));   // keep the queue
 * }</pre>
 */
public interface Assignments {

  Assignment assignment(String ticketId) throws RetryableException, PermanentException;

  /**
   * Assigns a ticket; a {@code null} group keeps the current one. An unknown agent or group is a
   * {@link PermanentException} naming it, never a guess.
   */
  void assign(String ticketId, Assignment assignment) throws RetryableException, PermanentException;
}
