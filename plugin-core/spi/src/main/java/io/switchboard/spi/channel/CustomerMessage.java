package io.switchboard.spi.channel;

import io.switchboard.spi.content.InboundContent;
import java.time.Instant;
import java.util.Objects;

/**
 * A message a customer sent to one of our channel accounts.
 *
 * <pre>{@code
 * new CustomerMessage("wamid.HBgL...", "106540352242922",
 *     new ChannelUser("16505551234", "16505551234", "Kerry"), Instant.ofEpochSecond(1749416383),
 *     Text.of("Hello"), MessageContext.NONE, "{...}")
 * }</pre>
 *
 * @param externalId the channel's message id (WhatsApp {@code wamid})
 * @param accountId the channel account that received it (WhatsApp {@code phone_number_id})
 * @param from the customer
 * @param sentAt when the customer sent it, by the channel's clock
 * @param content what it says, structured
 * @param context what it quotes, whether forwarded, the ad it answers
 * @param rawJson the channel's JSON of the message, kept as the record of what was received, or
 *     {@code null}
 */
public record CustomerMessage(
    String externalId,
    String accountId,
    ChannelUser from,
    Instant sentAt,
    InboundContent content,
    MessageContext context,
    String rawJson)
    implements InboundEvent {

  public CustomerMessage {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(content, "content");
    context = context == null ? MessageContext.NONE : context;
  }

  @Override
  public String dedupeKey() {
    return "msg:" + externalId;
  }

  @Override
  public String orderingKey() {
    return from.channelUserId();
  }
}
