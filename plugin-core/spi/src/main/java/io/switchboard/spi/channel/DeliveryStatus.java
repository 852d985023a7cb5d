package io.switchboard.spi.channel;

/**
 * How far an outbound message got, in the order it can only move forward: {@code SENT < DELIVERED <
 * READ}; {@code FAILED} is terminal.
 */
public enum DeliveryStatus {
  /** Accepted by the channel, not yet on the customer's device. */
  SENT,
  /** On the customer's device. */
  DELIVERED,
  /** Opened by the customer. */
  READ,
  /** Will not be delivered; see the error code of the update. */
  FAILED;
}
