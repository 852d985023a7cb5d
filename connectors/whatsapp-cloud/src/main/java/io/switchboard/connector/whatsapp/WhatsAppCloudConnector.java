package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.model.SendTextMessageRequest;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelCapabilities;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.HandshakeResult;
import io.switchboard.spi.channel.InboundEvent;
import io.switchboard.spi.channel.MessageContent;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendReceipt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One WhatsApp Business phone number on the Cloud API.
 *
 * <ul>
 *   <li>Webhooks: answers Meta's verification GET, checks {@code X-Hub-Signature-256} over the raw
 *       body, parses every message (all types, unknown ones kept) and every status.
 *   <li>Sending: text messages, optionally quoting a customer's message. Other types are not
 *       implemented yet and fail permanently with code {@code not-implemented}.
 *   <li>Media download ({@link #fetchMedia}) is not implemented yet (the SPI default says so).
 * </ul>
 *
 * <pre>{@code
 * ChannelConnector whatsapp = new WhatsAppCloudConnectorFactory().create(config, context);
 * SendReceipt r = whatsapp.send(new OutboundMessage("rt:62", "16505551234", "+16505551234",
 *     MessageContent.text("Your order ships tomorrow."), null));
 * }</pre>
 */
public final class WhatsAppCloudConnector implements ChannelConnector {

  /** Free-form replies are allowed for this long after the customer's last message. */
  public static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(24);

  /** Meta's default throughput per business number. */
  public static final int DEFAULT_MESSAGES_PER_SECOND = 80;

  private static final ChannelCapabilities CAPABILITIES =
      new ChannelCapabilities(
          Set.of("text"),
          InboundContentTranslator.INTERPRETED_TYPES,
          CUSTOMER_SERVICE_WINDOW,
          DEFAULT_MESSAGES_PER_SECOND,
          Duration.ofSeconds(GraphApiFailureClassifier.PAIR_RATE_LIMIT_SECONDS));

  private final String connectionId;
  private final String phoneNumberId;
  private final byte[] verifyToken;
  private final HubSignatureVerifier signatures;
  private final WhatsAppWebhookParser parser;
  private final WhatsAppGraphClient graph;

  WhatsAppCloudConnector(
      String connectionId,
      String phoneNumberId,
      String verifyToken,
      HubSignatureVerifier signatures,
      WhatsAppWebhookParser parser,
      WhatsAppGraphClient graph) {
    this.connectionId = connectionId;
    this.phoneNumberId = phoneNumberId;
    this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    this.signatures = signatures;
    this.parser = parser;
    this.graph = graph;
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
    return signatures.isAuthentic(request);
  }

  @Override
  public List<InboundEvent> parse(byte[] body) throws MalformedPayloadException {
    return parser.parse(body);
  }

  @Override
  public SendReceipt send(OutboundMessage message) throws RetryableException, PermanentException {
    MessageContent content = message.content();
    if (!"text".equals(content.type())) {
      throw new PermanentException(
          "sending WhatsApp messages of type \""
              + content.type()
              + "\" is not implemented yet (only text)",
          null,
          "not-implemented");
    }
    String text = content.text();
    if (text == null || text.isBlank()) {
      throw new PermanentException(
          "a WhatsApp text message needs a non-empty text", null, "empty-text");
    }
    if (text.length() > SendTextMessageRequest.MAX_BODY_LENGTH) {
      throw new PermanentException(
          "WhatsApp text messages are limited to "
              + SendTextMessageRequest.MAX_BODY_LENGTH
              + " characters; this one has "
              + text.length(),
          null,
          "text-too-long");
    }
    String to = recipient(message);
    String wamid =
        graph.sendText(new SendTextMessageRequest(to, text, message.replyToExternalId()));
    return new SendReceipt(wamid);
  }

  @Override
  public ChannelCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void close() {
    graph.close();
  }

  @Override
  public String toString() {
    return "WhatsAppCloudConnector[connection="
        + connectionId
        + ", phoneNumberId="
        + phoneNumberId
        + "]";
  }

  /** The recipient in digits: the WhatsApp id, else the E.164 phone without its plus sign. */
  private static String recipient(OutboundMessage message) throws PermanentException {
    if (message.recipientId().matches("[0-9]{5,20}")) {
      return message.recipientId();
    }
    String phone = message.recipientPhone();
    if (phone != null && phone.matches("\\+?[0-9]{5,20}")) {
      return phone.startsWith("+") ? phone.substring(1) : phone;
    }
    throw new PermanentException(
        "WhatsApp recipient must be a WhatsApp id or an E.164 phone number, got \""
            + message.recipientId()
            + "\"",
        null,
        "invalid-recipient");
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query == null ? null : query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
