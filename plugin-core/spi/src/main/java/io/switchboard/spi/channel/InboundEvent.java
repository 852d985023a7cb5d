package io.switchboard.spi.channel;

/**
 * A channel-neutral event parsed from a webhook: a customer's message or a delivery status of a
 * message we sent.
 *
 * <p>{@link #dedupeKey()} identifies the event across redeliveries (the channel repeats webhooks);
 * {@link #orderingKey()} names the customer whose events must be processed in order.
 */
public sealed interface InboundEvent permits CustomerMessage, DeliveryUpdate {

  /**
   * Unique per channel account for the same event, stable across redeliveries: e.g. {@code
   * "msg:wamid.HBgL..."} or {@code "status:wamid.HBgL...:read"}. At most 255 characters.
   */
  String dedupeKey();

  /** The channel user id of the customer concerned (events of one customer keep their order). */
  String orderingKey();
}
