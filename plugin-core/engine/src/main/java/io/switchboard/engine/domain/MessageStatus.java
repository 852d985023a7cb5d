package io.switchboard.engine.domain;

import io.switchboard.spi.channel.DeliveryStatus;

/**
 * Where a message stands. Inbound messages are {@link #RECEIVED}; outbound ones move {@code PENDING
 * < SENT < DELIVERED < READ} and never backwards; {@link #FAILED} is terminal.
 */
public enum MessageStatus {
  RECEIVED(0),
  PENDING(0),
  SENT(1),
  DELIVERED(2),
  READ(3),
  FAILED(4);

  private final int rank;

  MessageStatus(int rank) {
    this.rank = rank;
  }

  /**
   * Whether moving from this status to {@code next} is progress (never backwards, never out of
   * FAILED).
   */
  public boolean canAdvanceTo(MessageStatus next) {
    if (this == FAILED || this == RECEIVED) {
      return false;
    }
    if (next == FAILED) {
      return this != READ;
    }
    return next.rank > rank;
  }

  /** The status a channel's delivery report stands for. */
  public static MessageStatus of(DeliveryStatus status) {
    return switch (status) {
      case SENT -> SENT;
      case DELIVERED -> DELIVERED;
      case READ -> READ;
      case FAILED -> FAILED;
    };
  }
}
