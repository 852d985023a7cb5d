package io.switchboard.testkit.channel;

import io.switchboard.spi.channel.DeliveryStatus;
import io.switchboard.spi.channel.DeliveryUpdate;
import java.time.Instant;

/**
 * Builds {@link DeliveryUpdate}s for tests of status ordering and deduplication.
 *
 * <pre>{@code
 * DeliveryUpdate read = DeliveryUpdateBuilder.aDeliveryUpdate("wamid.OUT0001").read().build();
 * DeliveryUpdate failed = DeliveryUpdateBuilder.aDeliveryUpdate("wamid.OUT0002")
 *     .failed("131047", "Re-engagement message").build();
 * }</pre>
 */
public final class DeliveryUpdateBuilder {

  private final String messageId;
  private DeliveryStatus status = DeliveryStatus.SENT;
  private Instant at = Instant.ofEpochSecond(1749416400);
  private String recipientId = "16505551234";
  private String errorCode;
  private String errorMessage;

  private DeliveryUpdateBuilder(String messageId) {
    this.messageId = messageId;
  }

  /** A {@code SENT} update for our message with this channel id. */
  public static DeliveryUpdateBuilder aDeliveryUpdate(String externalMessageId) {
    return new DeliveryUpdateBuilder(externalMessageId);
  }

  public DeliveryUpdateBuilder delivered() {
    status = DeliveryStatus.DELIVERED;
    return this;
  }

  public DeliveryUpdateBuilder read() {
    status = DeliveryStatus.READ;
    return this;
  }

  /** A terminal failure with the channel's error code and reason. */
  public DeliveryUpdateBuilder failed(String code, String reason) {
    status = DeliveryStatus.FAILED;
    errorCode = code;
    errorMessage = reason;
    return this;
  }

  public DeliveryUpdateBuilder at(Instant instant) {
    at = instant;
    return this;
  }

  public DeliveryUpdateBuilder to(String channelUserId) {
    recipientId = channelUserId;
    return this;
  }

  public DeliveryUpdate build() {
    return new DeliveryUpdate(messageId, status, at, recipientId, errorCode, errorMessage);
  }
}
