package io.switchboard.spi.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery status the channel reports for a message we sent. Updates can arrive in any order and
 * more than once; the engine keeps the furthest status.
 *
 * <pre>{@code
 * new DeliveryUpdate("wamid.HBgL...", DeliveryStatus.READ, Instant.now(), "16505551234", null, null)
 * }</pre>
 *
 * @param externalMessageId the channel's id of our message (as returned by {@link
 *     ChannelConnector#send})
 * @param status the reported status
 * @param at when it happened, by the channel's clock
 * @param recipientId the channel user id of the recipient
 * @param errorCode the channel's error code for {@link DeliveryStatus#FAILED}, else {@code null}
 * @param errorMessage a readable reason for {@link DeliveryStatus#FAILED}, else {@code null}
 */
public record DeliveryUpdate(
    String externalMessageId,
    DeliveryStatus status,
    Instant at,
    String recipientId,
    String errorCode,
    String errorMessage)
    implements InboundEvent {

  public DeliveryUpdate {
    Objects.requireNonNull(externalMessageId, "externalMessageId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(recipientId, "recipientId");
  }

  @Override
  public String dedupeKey() {
    return "status:" + externalMessageId + ":" + status.name().toLowerCase();
  }

  @Override
  public String orderingKey() {
    return recipientId;
  }
}
