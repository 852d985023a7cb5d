package io.switchboard.spi.channel;

/**
 * A channel-neutral event parsed from a webhook: a customer's message or a delivery status of a
 * message we sent.
 *
 * <p>{@link #accountId()} names the channel account the event belongs to (WhatsApp {@code
 * metadata.phone_number_id}): one app's webhook carries the events of all its accounts, and the
 * engine routes each event by it. {@link #dedupeKey()} identifies the event across redeliveries
 * (the channel repeats webhooks); {@link #orderingKey()} names the customer whose events must be
 * processed in order.
 *
 * <p>New subtypes may be added in a minor SPI version.
 */
public sealed interface InboundEvent permits CustomerMessage, DeliveryUpdate, UnreadableEvent {

  /** The channel account the event was sent to or from (e.g. a WhatsApp phone number id). */
  String accountId();

  /**
   * Unique per channel account for the same event, stable across redeliveries: e.g. {@code
   * "msg:wamid.HBgL..."} or {@code "status:wamid.HBgL...:read"}. At most 255 characters.
   */
  String dedupeKey();

  /** The channel user id of the customer concerned (events of one customer keep their order). */
  String orderingKey();
}
