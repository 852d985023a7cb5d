package io.switchboard.spi.crm.capability;

/** The CRM object a field belongs to. */
public enum FieldTarget {
  /** The requester, contact or end user. */
  REQUESTER,
  /** The ticket. */
  TICKET
}
