package io.switchboard.spi.channel;

import io.switchboard.spi.content.OutboundContent;
import java.util.Objects;

/**
 * A message to send to a customer.
 *
 * <pre>{@code
 * new OutboundMessage("rt:62", "16505551234", "+16505551234",
 *     Text.of("Your order ships tomorrow."), "wamid.HBgL...", null)
 * }</pre>
 *
 * @param idempotencyKey the engine's key for this send, stable across retries (for logging and for
 *     channels that accept one)
 * @param recipientId the customer's channel user id
 * @param recipientPhone the customer's E.164 phone number, or {@code null}
 * @param content what to send
 * @param replyToExternalId the channel id of the message to quote, or {@code null}
 * @param tag the message tag the {@link SendDecision} asked for (Messenger {@code HUMAN_AGENT}), or
 *     {@code null}
 */
public record OutboundMessage(
    String idempotencyKey,
    String recipientId,
    String recipientPhone,
    OutboundContent content,
    String replyToExternalId,
    String tag) {

  public OutboundMessage {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(recipientId, "recipientId");
    Objects.requireNonNull(content, "content");
  }
}
