package io.switchboard.spi.channel;

/**
 * A channel-neutral event parsed from a webhook: a customer's message, a delivery status of a
 * message we sent, a message the business sent by another way ({@link BusinessMessage}, since
 * 2.2.0), a change of the account's templates ({@link TemplateUpdate}, since 2.2.0), or one event
 * that could not be read.
 *
 * <p>{@link #accountId()} names the channel account the event belongs to (WhatsApp {@code
 * metadata.phone_number_id}): one app's webhook carries the events of all its accounts, and the
 * engine routes each event by it. {@link #dedupeKey()} identifies the event across redeliveries
 * (the channel repeats webhooks); {@link #orderingKey()} names the customer whose events must be
 * processed in order.
 *
 * <p>New subtypes may be added in a minor SPI version.
 */
public sealed interface InboundEvent
    permits CustomerMessage, DeliveryUpdate, UnreadableEvent, BusinessMessage, TemplateUpdate {

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
