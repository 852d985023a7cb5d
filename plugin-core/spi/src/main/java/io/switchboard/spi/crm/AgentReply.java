package io.switchboard.spi.crm;

import io.switchboard.spi.Attachment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An agent's public reply on a ticket, to be sent to the customer. Internal comments are never
 * reported as replies.
 *
 * <pre>{@code
 * new AgentReply("txn:62", "1", "agent1", "Your order ships tomorrow.", List.of(), created)
 * }</pre>
 *
 * @param eventId the CRM's unique id of the reply
 * @param ticketId the ticket it was written on
 * @param author the agent's CRM user name
 * @param text the reply's plain text
 * @param attachments files attached to the reply (references; bytes may be absent)
 * @param at when the agent wrote it
 */
public record AgentReply(
    String eventId,
    String ticketId,
    String author,
    String text,
    List<Attachment> attachments,
    Instant at)
    implements CrmEvent {
  public AgentReply {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ticketId, "ticketId");
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
