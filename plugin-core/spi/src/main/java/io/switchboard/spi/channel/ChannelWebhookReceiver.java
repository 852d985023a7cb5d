package io.switchboard.spi.channel;

import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.WebhookRequest;
import java.util.List;
import java.util.Map;

/**
 * The webhook side of a channel app: one Meta app, say, posts the webhooks of all its phone numbers
 * (later pages and Instagram accounts) to one callback URL, signed with one app secret. The engine
 * calls {@link #isAuthentic} on the raw request (401 when false), then {@link #parse} (quarantine
 * on {@link MalformedPayloadException}), stores every event durably, and only then answers 200.
 * Each event names its {@link InboundEvent#accountId()}, by which the engine routes it to a channel
 * account.
 *
 * <pre>{@code
 * ChannelWebhookReceiver meta = factory.createReceiver(appConfig, context);
 * if (!meta.isAuthentic(request)) return 401;
 * for (InboundEvent e : meta.parse(request.body())) ledger.store(e.accountId(), e.dedupeKey(), body);
 * }</pre>
 *
 * <p>Parsing is pure and repeatable: the engine parses the stored body again when it processes the
 * event. Implementations are thread-safe.
 */
public interface ChannelWebhookReceiver extends AutoCloseable {

  /**
   * Answers the channel's subscription handshake (Meta: {@code GET ?hub.mode=subscribe
   * &hub.verify_token=...&hub.challenge=...}).
   *
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
   * {@link io.switchboard.spi.content.Unsupported} content. One body can hold many events, for many
   * accounts; a body with none gives an empty list. One event that cannot be understood must not
   * cost the others: parse what can be parsed.
   *
   * @throws MalformedPayloadException when the body is not understandable at all (not JSON, not the
   *     channel's envelope)
   */
  List<InboundEvent> parse(byte[] body) throws MalformedPayloadException;

  /** Releases resources. */
  @Override
  default void close() {}
}
