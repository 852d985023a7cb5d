package io.switchboard.spi.channel;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.content.Media;
import java.util.Optional;

/**
 * One configured account of a messaging channel (e.g. one WhatsApp business phone number): sends to
 * customers and fetches their media. Its webhooks come in through the {@link
 * ChannelWebhookReceiver} of its app.
 *
 * <p>The engine checks each send against {@link #sendPolicy()} first (window, type, size), then
 * calls {@link #send} from its outbox dispatcher, which owns retries.
 *
 * <pre>{@code
 * SendDecision d = connector.sendPolicy().check(content, facts);
 * if (d.allowed()) {
 *   SendReceipt r = connector.send(new OutboundMessage("rt:62", "15550001234", "+15550001234",
 *       Text.of("Your order ships tomorrow."), null, d.tag().orElse(null)));
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe and hold no state between calls except their configuration and
 * the HTTP resources their factory shares.
 */
public interface ChannelConnector extends AutoCloseable {

  /**
   * The account id events carry for this account ({@link InboundEvent#accountId()}, e.g. the
   * WhatsApp phone number id), by which the engine routes an app's webhooks.
   */
  String accountId();

  /**
   * Sends one message to a customer.
   *
   * @return the channel's id of the sent message, to which later {@link DeliveryUpdate}s refer
   * @throws RetryableException for timeouts, 5xx, throttling (with the channel's wait hint)
   * @throws PermanentException for refused messages, with the channel's code and a neutral {@link
   *     FailureReason} (e.g. {@link FailureReason#WINDOW_CLOSED}, {@link
   *     FailureReason#UNSUPPORTED_CONTENT} for a variant the connector does not send)
   */
  SendReceipt send(OutboundMessage message) throws RetryableException, PermanentException;

  /**
   * Downloads the bytes of an inbound media message.
   *
   * @param media media from a parsed {@link CustomerMessage}
   * @return the bytes with the file name and content type the channel gives
   * @throws PermanentException by default: a connector that supports media overrides this
   */
  default Attachment fetchMedia(Media media) throws RetryableException, PermanentException {
    throw new PermanentException(
        "this connector does not download media (not implemented)",
        null,
        "not-implemented",
        FailureReason.NOT_IMPLEMENTED);
  }

  /**
   * Uploads a file to the channel, so that it can be sent as {@link Media} by reference: {@code
   * Media.byReference(kind, returnedId, contentType, caption)}. The engine checks the type and size
   * against {@link #sendPolicy()} first and keeps the returned id, so a retried send does not
   * upload again.
   *
   * @param file the file with its bytes in {@link Attachment#data()} and its checked content type
   * @return the channel's media id
   * @throws PermanentException by default: a connector that sends media by reference overrides this
   * @since 2.2.0
   */
  default String uploadMedia(Attachment file) throws RetryableException, PermanentException {
    throw new PermanentException(
        "this connector does not upload media (not implemented)",
        null,
        "not-implemented",
        FailureReason.NOT_IMPLEMENTED);
  }

  /**
   * An optional capability of this account, e.g. {@link
   * io.switchboard.spi.channel.capability.TemplateCatalog}.
   *
   * @return the capability, or empty when the connector does not offer it
   * @since 2.2.0
   */
  default <T> Optional<T> capability(Class<T> type) {
    return Optional.empty();
  }

  /** What this account sends, when, and how fast. */
  SendPolicy sendPolicy();

  /** Releases resources of this account (shared ones belong to the factory). */
  @Override
  default void close() {}
}
