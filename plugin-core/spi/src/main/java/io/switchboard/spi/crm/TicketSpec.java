package io.switchboard.spi.crm;

import java.util.Map;
import java.util.Objects;

/**
 * The ticket a conversation should have in the CRM.
 *
 * <pre>{@code
 * new TicketSpec("conv-1", "wa-16505551234", "WhatsApp conversation with +16505551234",
 *     "WhatsApp", "+16505551234")
 * }</pre>
 *
 * @param conversationId the engine's conversation id; the adapter stores it on the ticket and finds
 *     the ticket by it, which makes {@link CrmAdapter#openTicket} idempotent
 * @param requesterId the CRM requester id from {@link CrmAdapter#upsertRequester}
 * @param subject the ticket subject
 * @param channel the channel's display name, e.g. {@code WhatsApp}
 * @param customerPhone the customer's E.164 phone, or {@code null}
 * @param fields mapped ticket fields to set when the ticket is created, by {@link
 *     io.switchboard.spi.crm.capability.FieldDescriptor#key()} (the customer's profile and order
 *     summary, so they are on the ticket from its first moment); empty when nothing is mapped.
 *     Adapters without {@link io.switchboard.spi.crm.capability.MappedFields} ignore them.
 * @param relatedTicketId the customer's previous ticket on the same channel account when this one
 *     replaces it (the ticket policy opens a new ticket after a solved one), to be linked as
 *     related; {@code null} when there is none
 * @since 2.1.0 {@code fields} and {@code relatedTicketId}
 */
public record TicketSpec(
    String conversationId,
    String requesterId,
    String subject,
    String channel,
    String customerPhone,
    Map<String, String> fields,
    String relatedTicketId) {
  public TicketSpec {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(subject, "subject");
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  /** A ticket without mapped fields or related ticket (SPI 2.0 shape). */
  public TicketSpec(
      String conversationId,
      String requesterId,
      String subject,
      String channel,
      String customerPhone) {
    this(conversationId, requesterId, subject, channel, customerPhone, Map.of(), null);
  }
}
