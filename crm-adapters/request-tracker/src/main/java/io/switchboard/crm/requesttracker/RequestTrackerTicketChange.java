package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtAttachment;
import io.switchboard.spi.Attachment;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A ticket transaction as the classifier needs it, whether it came from the webhook scrip or from
 * REST2 polling, so that both paths give the same events.
 *
 * @param transactionId RT's transaction id
 * @param ticketId the ticket's id
 * @param type the transaction type ({@code Correspond}, {@code Set}, {@code Give}, ...)
 * @param field the changed field for {@code Set}, else {@code null}
 * @param creator the user name that made the transaction
 * @param creatorPrivileged whether that user is privileged (staff) in RT, {@code null} when unknown
 * @param at when
 * @param text the message text of a {@code Correspond}, else {@code null}
 * @param attachments files of a {@code Correspond}
 * @param requestors the ticket's requestor user names
 * @param newOwner the owner's user name after an owner change ({@code null} or {@code Nobody} when
 *     unowned)
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
    String newOwner) {

  /** A file of a transaction as a reference {@code rt-attachment:<id>} (no bytes, size unknown). */
  static Attachment attachmentReference(RtAttachment file) {
    return new Attachment(
        file.filename(), file.contentType(), -1, "rt-attachment:" + file.id(), null);
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
