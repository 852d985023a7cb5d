package io.switchboard.spi.channel;

import io.switchboard.spi.content.InboundContent;
import java.time.Instant;
import java.util.Objects;

/**
 * A message the business sent to a customer by another way than Switchboard: from the WhatsApp
 * Business app on the same number (coexistence, WhatsApp {@code smb_message_echoes}), from Meta's
 * own inbox (Messenger {@code message_echoes}), or one imported with the chat history. The engine
 * records it in the conversation as the business's message, once, and never sends it again.
 *
 * <pre>{@code
 * new BusinessMessage("wamid.HBgL...", "106540352242922",
 *     new ChannelUser("16505551234", "16505551234", null), Instant.now(),
 *     Text.of("We open at 9."), MessageContext.NONE, BusinessMessage.Origin.ECHO, "{...}")
 * }</pre>
 *
 * @param externalId the channel's message id
 * @param accountId the channel account it was sent from
 * @param to the customer it was sent to
 * @param sentAt when it was sent, by the channel's clock
 * @param content what it says
 * @param context what it quotes
 * @param origin how it reached us
 * @param rawJson the channel's JSON of the message, or {@code null}
 * @since 2.2.0
 */
public record BusinessMessage(
    String externalId,
    String accountId,
    ChannelUser to,
    Instant sentAt,
    InboundContent content,
    MessageContext context,
    Origin origin,
    String rawJson)
    implements InboundEvent {

  /** How a business message reached the engine. */
  public enum Origin {
    /** Sent just now from another app on the same account (an echo). */
    ECHO,
    /** Imported from the account's chat history. */
    HISTORY
  }

  public BusinessMessage {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(origin, "origin");
    context = context == null ? MessageContext.NONE : context;
  }

  /**
   * Keyed by the message id; the engine also skips a business message whose id it already holds
   * (one it sent itself).
   */
  @Override
  public String dedupeKey() {
    return "business-msg:" + externalId;
  }

  @Override
  public String orderingKey() {
    return to.channelUserId();
  }
}
