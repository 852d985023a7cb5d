package io.switchboard.spi.crm;

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
 */
public record TicketSpec(
    String conversationId,
    String requesterId,
    String subject,
    String channel,
    String customerPhone) {
  public TicketSpec {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(subject, "subject");
  }
}
