package io.switchboard.spi.crm;

/** Where a ticket stands, in neutral words; adapters map their CRM's statuses to these. */
public enum TicketState {
  /** New or being worked on. */
  OPEN,
  /** Waiting for the customer or a third party. */
  PENDING,
  /** Answered; may still be reopened. */
  SOLVED,
  /** Closed for good. */
  CLOSED,
  /** Merged into another ticket. */
  MERGED,
  /** Deleted or marked as spam. */
  DELETED
}
