package io.switchboard.spi.crm.capability;

import io.switchboard.spi.crm.CrmAdapter;
import java.util.EnumSet;
import java.util.Set;

/**
 * The optional capabilities by name, for the admin API and the agent view ("this connection cannot
 * sync assignments").
 *
 * <pre>{@code
 * Set<CrmCapability> can = CrmCapability.of(adapter);
 * EnumSet<CrmCapability> cannot = EnumSet.complementOf(EnumSet.copyOf(can));
 * }</pre>
 */
public enum CrmCapability {
  FIELD_SCHEMA(FieldSchema.class, "describe its requester and ticket fields"),
  MAPPED_FIELDS(MappedFields.class, "read and write mapped fields"),
  ASSIGNMENT(Assignments.class, "read and change who a ticket is assigned to"),
  TICKET_STATUS(TicketStatuses.class, "read and change a ticket's status"),
  DIRECTORY(AgentDirectory.class, "list agents and groups"),
  CUSTOMER_RECORDS(CustomerRecords.class, "give customer profiles and order history"),
  ATTACHMENTS(AttachmentSource.class, "fetch the files of agent replies"),
  /**
   * @since 2.3.0
   */
  AGENT_SIGN_ON(AgentSignOn.class, "sign its agents into the inbox view from its own UI"),
  /**
   * @since 2.3.0
   */
  REPLY_RECORDS(ReplyRecords.class, "record replies sent from the inbox view as the agent's own");

  private final Class<?> type;
  private final String description;

  CrmCapability(Class<?> type, String description) {
    this.type = type;
    this.description = description;
  }

  /** The interface an adapter implements for it. */
  public Class<?> type() {
    return type;
  }

  /** What it lets the engine do, as the end of "this connection can ...". */
  public String description() {
    return description;
  }

  /** The capabilities an adapter offers. */
  public static Set<CrmCapability> of(CrmAdapter adapter) {
    EnumSet<CrmCapability> found = EnumSet.noneOf(CrmCapability.class);
    for (CrmCapability c : values()) {
      if (adapter.capability(c.type()).isPresent()) {
        found.add(c);
      }
    }
    return found;
  }
}
