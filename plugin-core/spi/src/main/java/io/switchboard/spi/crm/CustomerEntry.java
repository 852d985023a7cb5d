package io.switchboard.spi.crm;

import io.switchboard.spi.Attachment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's message to add to a ticket.
 *
 * <pre>{@code
 * new CustomerEntry("msg:wamid.HBgL...", "wa-16505551234", "Where is my order?", List.of(), sentAt)
 * }</pre>
 *
 * @param idempotencyKey unique per message; the same key never creates two entries
 * @param requesterId the CRM requester id of the author
 * @param text the message text (for media, the caption or a summary)
 * @param attachments files to attach, with their bytes in {@link Attachment#data()}
 * @param sentAt when the customer sent it
 */
public record CustomerEntry(
    String idempotencyKey,
    String requesterId,
    String text,
    List<Attachment> attachments,
    Instant sentAt) {
  public CustomerEntry {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(requesterId, "requesterId");
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
