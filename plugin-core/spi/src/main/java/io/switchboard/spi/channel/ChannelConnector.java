package io.switchboard.spi.channel;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.WebhookRequest;
import java.util.List;
import java.util.Map;

/**
 * One configured account of a messaging channel (e.g. one WhatsApp business phone number).
 *
 * <p>The engine calls it in this order for a webhook: {@link #isAuthentic} on the raw request
 * (reject with 401 when false), then {@link #parse} on the raw body (quarantine on {@link
 * MalformedPayloadException}), then stores each event durably before acknowledging. Parsing must be
 * pure and repeatable: the engine parses the stored body again when it processes the event.
 * Outbound, it calls {@link #send} from its outbox dispatcher, which owns retries.
 *
 * <pre>{@code
 * if (!connector.isAuthentic(request)) return 401;
 * for (InboundEvent e : connector.parse(request.body())) ledger.store(e.dedupeKey(), request.body());
 * SendReceipt receipt = connector.send(new OutboundMessage("rt:62", "15550001234", "+15550001234",
 *     MessageContent.text("Your order ships tomorrow."), null));
 * }</pre>
 *
 * <p>Implementations are thread-safe and hold no state between calls except their configuration and
 * HTTP clients.
 */
public interface ChannelConnector extends AutoCloseable {

  /**
   * Answers the channel's subscription handshake (Meta: {@code GET ?hub.mode=subscribe
   * &hub.verify_token=...&hub.challenge=...}).
   *
   * @param query the GET request's query parameters
   * @return the body to answer with 200, or {@link HandshakeResult#rejected()} (answer 403)
   */
  HandshakeResult handshake(Map<String, List<String>> query);

  /**
   * Whether a webhook request really comes from the channel, checked over the raw body bytes (e.g.
   * {@code X-Hub-Signature-256}) with a constant-time comparison. Never throws for bad input.
   */
  boolean isAuthentic(WebhookRequest request);

  /**
   * Turns an authentic webhook body into channel-neutral events, lenient about what it does not
   * know: unknown fields are ignored, unknown message types become {@link CustomerMessage}s with
   * their type name kept. One body can hold many events; a body with none gives an empty list.
   *
   * @throws MalformedPayloadException when the body is not understandable at all (not JSON, not the
   *     channel's envelope)
   */
  List<InboundEvent> parse(byte[] body) throws MalformedPayloadException;

  /**
   * Sends one message to a customer.
   *
   * @return the channel's id of the sent message, to which later {@link DeliveryUpdate}s refer
   * @throws RetryableException for timeouts, 5xx, throttling (with the channel's wait hint)
   * @throws PermanentException for rejected messages (e.g. outside the customer service window),
   *     with the channel's error code
   */
  SendReceipt send(OutboundMessage message) throws RetryableException, PermanentException;

  /**
   * Downloads the bytes of an inbound attachment.
   *
   * @param attachment an attachment from a parsed {@link CustomerMessage}
   * @return the same attachment with {@link Attachment#data()} filled in
   * @throws PermanentException by default: a connector that supports media overrides this
   */
  default Attachment fetchMedia(Attachment attachment)
      throws RetryableException, PermanentException {
    throw new PermanentException(
        "this connector does not download media (not implemented)", null, "not-implemented");
  }

  /** What this channel supports and its limits, so the engine can pace and validate sends. */
  ChannelCapabilities capabilities();

  /** Releases HTTP clients and other resources. */
  @Override
  default void close() {}
}
