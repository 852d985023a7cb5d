package io.switchboard.connector.whatsapp;

import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelWebhookReceiver;
import io.switchboard.spi.channel.HandshakeResult;
import io.switchboard.spi.channel.InboundEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * The webhook side of one Meta app: answers Meta's subscription GET (verify token compared in
 * constant time), checks {@code X-Hub-Signature-256} over the raw body with the app secret, and
 * parses bodies for all the app's phone numbers, each event carrying its {@code phone_number_id}.
 *
 * <pre>{@code
 * ChannelWebhookReceiver meta = factory.createReceiver(
 *     PluginConfig.of(factory.appOptions(), Map.of("appSecret", "...", "verifyToken", "...")),
 *     context);
 * }</pre>
 */
public final class WhatsAppWebhookReceiver implements ChannelWebhookReceiver {

  private final String connectionId;
  private final byte[] verifyToken;
  private final HubSignatureVerifier signatures;
  private final WhatsAppWebhookParser parser;

  WhatsAppWebhookReceiver(
      String connectionId,
      String verifyToken,
      HubSignatureVerifier signatures,
      WhatsAppWebhookParser parser) {
    this.connectionId = connectionId;
    this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    this.signatures = signatures;
    this.parser = parser;
  }

  @Override
  public HandshakeResult handshake(Map<String, List<String>> query) {
    String mode = first(query, "hub.mode");
    String token = first(query, "hub.verify_token");
    if (!"subscribe".equals(mode) || token == null) {
      return HandshakeResult.rejected();
    }
    boolean tokenMatches =
        MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), verifyToken);
    return tokenMatches
        ? HandshakeResult.accepted(first(query, "hub.challenge"))
        : HandshakeResult.rejected();
  }

  @Override
  public boolean isAuthentic(WebhookRequest request) {
    try {
      return request != null && signatures.isAuthentic(request);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public List<InboundEvent> parse(byte[] body) throws MalformedPayloadException {
    return parser.parse(body);
  }

  @Override
  public String toString() {
    return "WhatsAppWebhookReceiver[connection=" + connectionId + "]";
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query == null ? null : query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
