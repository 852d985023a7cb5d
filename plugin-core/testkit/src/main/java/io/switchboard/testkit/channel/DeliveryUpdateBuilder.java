package io.switchboard.testkit.channel;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.channel.DeliveryStatus;
import io.switchboard.spi.channel.DeliveryUpdate;
import java.time.Instant;

/**
 * Builds {@link DeliveryUpdate}s for tests of status ordering and deduplication.
 *
 * <pre>{@code
 * DeliveryUpdate read = DeliveryUpdateBuilder.aDeliveryUpdate("wamid.OUT0001").read().build();
 * DeliveryUpdate failed = DeliveryUpdateBuilder.aDeliveryUpdate("wamid.OUT0002")
 *     .failed("131047", FailureReason.WINDOW_CLOSED, "Re-engagement message").build();
 * }</pre>
 */
public final class DeliveryUpdateBuilder {

  private final String messageId;
  private String accountId = "106540352242922";
  private DeliveryStatus status = DeliveryStatus.SENT;
  private Instant at = Instant.ofEpochSecond(1749416400);
  private String recipientId = "16505551234";
  private DeliveryUpdate.Failure failure;
  private String pricingCategory;

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

  /** A terminal failure with the channel's error code, the neutral reason and the message. */
  public DeliveryUpdateBuilder failed(String code, FailureReason reason, String message) {
    status = DeliveryStatus.FAILED;
    failure = new DeliveryUpdate.Failure(code, reason, message);
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

  /** The account that sent the message (WhatsApp {@code phone_number_id}). */
  public DeliveryUpdateBuilder fromAccount(String id) {
    accountId = id;
    return this;
  }

  /** The channel's billing category, e.g. {@code service}. */
  public DeliveryUpdateBuilder pricedAs(String category) {
    pricingCategory = category;
    return this;
  }

  public DeliveryUpdate build() {
    return new DeliveryUpdate(
        messageId, accountId, status, at, recipientId, failure, pricingCategory);
  }
}
