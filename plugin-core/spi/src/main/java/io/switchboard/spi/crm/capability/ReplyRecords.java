package io.switchboard.spi.crm.capability;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.util.List;

/**
 * Records on a ticket a reply that an agent sent to the customer from outside the CRM (the bridge's
 * inbox view), as that agent's own reply, so the ticket reads as if the agent had answered in the
 * CRM. The adapter must make sure the CRM never reports such a record back as a new {@link
 * io.switchboard.spi.crm.AgentReply} (the customer would get it twice). Without this capability the
 * engine records the reply as an internal note.
 *
 * <pre>{@code
 * String entryId = records.recordAgentReply("42", "view:conv-1:7f3a", "agent1", "On its way!", List.of());
 * }</pre>
 *
 * @since 2.3.0
 */
public interface ReplyRecords {

  /**
   * @param ticketId the ticket of the conversation
   * @param idempotencyKey the same key never records a second entry
   * @param agentLogin the agent's login in the CRM (as signed in through {@link AgentSignOn})
   * @param text what the customer received, as text
   * @param attachments files sent with it, with their bytes
   * @return the CRM's id of the entry
   */
  String recordAgentReply(
      String ticketId,
      String idempotencyKey,
      String agentLogin,
      String text,
      List<Attachment> attachments)
      throws RetryableException, PermanentException;
}
