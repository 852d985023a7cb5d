package io.switchboard.spi.crm.capability;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;

/**
 * Fetches the bytes of a file attached to an agent's reply, so the engine can send it to the
 * customer.
 *
 * <pre>{@code
 * Attachment withBytes = source.fetchAttachment(reply.attachments().get(0));
 * }</pre>
 */
public interface AttachmentSource {

  /**
   * @param reference an attachment of an {@link io.switchboard.spi.crm.AgentReply} (by reference)
   * @return the same attachment with its bytes
   */
  Attachment fetchAttachment(Attachment reference) throws RetryableException, PermanentException;
}
