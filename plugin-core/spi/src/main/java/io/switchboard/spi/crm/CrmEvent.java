package io.switchboard.spi.crm;

/**
 * A neutral event from the CRM: something an agent did that the bridge must act on.
 *
 * <p>New subtypes may be added in a minor SPI version.
 *
 * <p>{@link #eventId()} is unique per CRM connection and stable across webhook redeliveries and
 * polling (e.g. the RT transaction id), so the engine can dedupe the two paths against each other.
 */
public sealed interface CrmEvent
    permits AgentReply, AssignmentChange, TicketStatusChange, FieldChange {

  /** The CRM's unique id of the change, e.g. {@code "txn:62"}. At most 255 characters. */
  String eventId();

  /**
   * The ticket the change belongs to; {@code null} only for a {@link FieldChange} of a requester,
   * which belongs to no single ticket.
   */
  String ticketId();
}
