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
 * @param conversationId the engine's conversation id the ticket carries (the adapter stores it on
 *     tickets it opens), or {@code null} when the adapter does not know it; lets the engine follow
 *     a ticket it does not know (after a merge or a move) instead of dropping the reply
 */
public record AgentReply(
    String eventId,
    String ticketId,
    String author,
    String text,
    List<Attachment> attachments,
    Instant at,
    String conversationId)
    implements CrmEvent {
  public AgentReply {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ticketId, "ticketId");
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A reply whose ticket's conversation id the adapter does not know. */
  public AgentReply(
      String eventId,
      String ticketId,
      String author,
      String text,
      List<Attachment> attachments,
      Instant at) {
    this(eventId, ticketId, author, text, attachments, at, null);
  }
}
