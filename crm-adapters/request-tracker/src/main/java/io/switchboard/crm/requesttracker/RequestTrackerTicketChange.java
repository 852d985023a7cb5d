package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtAttachment;
import io.switchboard.spi.Attachment;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A ticket transaction as the classifier needs it, whether it came from the webhook scrip or from
 * REST2 polling, so that both paths give the same events.
 *
 * @param transactionId RT's transaction id
 * @param ticketId the ticket's id
 * @param type the transaction type ({@code Correspond}, {@code Set}, {@code Give}, {@code Status},
 *     {@code AddLink}, ...)
 * @param field the changed field for {@code Set}/{@code Status}/{@code AddLink}, else {@code null}
 * @param creator the user name that made the transaction
 * @param creatorPrivileged whether that user is privileged (staff) in RT, {@code null} when unknown
 * @param at when
 * @param text the message text of a {@code Correspond}, else {@code null}
 * @param attachments files of a {@code Correspond}
 * @param requestors the ticket's requestor user names
 * @param newOwner the owner's user name after the change ({@code null} or {@code Nobody} when
 *     unowned)
 * @param newValue the transaction's new value: the status of a {@code Status}, the link target URI
 *     of an {@code AddLink}, else unused
 * @param queue the ticket's queue name after the change, or {@code null} when unknown
 * @param conversationId the {@code Conversation Id} the ticket (or a ticket merged into it)
 *     carries, or {@code null}
 * @param messageId the Message-ID of a {@code Correspond}'s mail (RT makes one for replies typed in
 *     its UI; the bridge's own start with {@code sb.}), or {@code null} when unknown
 */
record RequestTrackerTicketChange(
    String transactionId,
    String ticketId,
    String type,
    String field,
    String creator,
    Boolean creatorPrivileged,
    Instant at,
    String text,
    List<Attachment> attachments,
    List<String> requestors,
    String newOwner,
    String newValue,
    String queue,
    String conversationId,
    String messageId) {

  /** The prefix of the adapter's attachment references: {@code rt-attachment:<attachment id>}. */
  static final String ATTACHMENT_PREFIX = "rt-attachment:";

  /** A file of a transaction as a reference {@code rt-attachment:<id>} (no bytes, size unknown). */
  static Attachment attachmentReference(RtAttachment file) {
    return new Attachment(
        file.filename(), file.contentType(), -1, ATTACHMENT_PREFIX + file.id(), null);
  }

  /** The RT attachment id of a reference made by {@link #attachmentReference}. */
  static Optional<String> attachmentId(Attachment reference) {
    String ref = reference == null ? null : reference.reference();
    if (ref == null || !ref.startsWith(ATTACHMENT_PREFIX)) {
      return Optional.empty();
    }
    String id = ref.substring(ATTACHMENT_PREFIX.length());
    return id.matches("[1-9][0-9]{0,17}") ? Optional.of(id) : Optional.empty();
  }

  /** RT's W3C date-time (or its older {@code YYYY-MM-DD hh:mm:ss} in UTC); else the clock's now. */
  static Instant instant(String rtDate, Clock clock) {
    if (rtDate != null) {
      try {
        return Instant.parse(rtDate);
      } catch (DateTimeParseException notIso) {
        try {
          return Instant.parse(rtDate.trim().replace(' ', 'T') + "Z");
        } catch (DateTimeParseException garbled) {
          // fall through to the clock
        }
      }
    }
    return clock.instant();
  }
}
