package io.switchboard.spi.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A message a customer sent to one of our channel accounts.
 *
 * <pre>{@code
 * new CustomerMessage("wamid.HBgL...", new ChannelUser("16505551234", "16505551234", "Kerry"),
 *     Instant.ofEpochSecond(1749416383), MessageContent.text("Hello"), null, "106540352242922")
 * }</pre>
 *
 * @param externalId the channel's message id (WhatsApp {@code wamid})
 * @param from the customer
 * @param sentAt when the customer sent it, by the channel's clock
 * @param content what it says
 * @param replyToExternalId the channel id of the message it quotes, or {@code null}
 * @param accountId the channel account that received it (WhatsApp {@code phone_number_id}), or
 *     {@code null}
 */
public record CustomerMessage(
    String externalId,
    ChannelUser from,
    Instant sentAt,
    MessageContent content,
    String replyToExternalId,
    String accountId)
    implements InboundEvent {

  public CustomerMessage {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(content, "content");
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
