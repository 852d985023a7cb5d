package io.switchboard.spi.channel;

import io.switchboard.spi.FailureReason;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A delivery status the channel reports for a message we sent. Updates can arrive in any order and
 * more than once; the engine keeps the furthest status.
 *
 * <pre>{@code
 * DeliveryUpdate.of("wamid.HBgL...", "106540352242922", DeliveryStatus.READ, Instant.now(), "16505551234")
 * }</pre>
 *
 * @param externalMessageId the channel's id of our message (as returned by {@link
 *     ChannelConnector#send})
 * @param accountId the channel account that sent the message
 * @param status the reported status
 * @param at when it happened, by the channel's clock
 * @param recipientId the channel user id of the recipient
 * @param failure why it failed, for {@link DeliveryStatus#FAILED}, else {@code null}
 * @param pricingCategory the channel's billing category of the message (WhatsApp {@code
 *     pricing.category}), or {@code null}
 */
public record DeliveryUpdate(
    String externalMessageId,
    String accountId,
    DeliveryStatus status,
    Instant at,
    String recipientId,
    Failure failure,
    String pricingCategory)
    implements InboundEvent {

  /**
   * Why a message could not be delivered.
   *
   * @param code the channel's error code, e.g. {@code 131047}
   * @param reason the neutral reason
   * @param message the channel's readable title and details
   */
  public record Failure(String code, FailureReason reason, String message) {
    public Failure {
      reason = reason == null ? FailureReason.OTHER : reason;
    }
  }

  public DeliveryUpdate {
    Objects.requireNonNull(externalMessageId, "externalMessageId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(recipientId, "recipientId");
  }

  /** A status without failure and pricing details. */
  public static DeliveryUpdate of(
      String externalMessageId, String accountId, DeliveryStatus status, Instant at, String to) {
    return new DeliveryUpdate(externalMessageId, accountId, status, at, to, null, null);
  }

  @Override
  public String dedupeKey() {
    return "status:" + externalMessageId + ":" + status.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String orderingKey() {
    return recipientId;
  }
}
