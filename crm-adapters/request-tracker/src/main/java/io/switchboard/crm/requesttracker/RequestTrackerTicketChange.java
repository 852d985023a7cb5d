package io.switchboard.crm.requesttracker;

import io.switchboard.spi.Attachment;
import java.time.Instant;
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
    Instant at,
    String text,
    List<Attachment> attachments,
    List<String> requestors,
    String newOwner) {}
