package io.switchboard.connector.whatsapp;

import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.channel.SendReceipt;
import io.switchboard.spi.channel.SendWindow;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Text;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One WhatsApp Business phone number on the Cloud API ({@link #accountId()} = its phone number id).
 * Its webhooks come in through the {@link WhatsAppWebhookReceiver} of its Meta app.
 *
 * <ul>
 *   <li>Sends text (with link preview and quoting), media by link, location, reaction, reply
 *       buttons and lists, templates, and mark-as-read. Shared contacts and media by reference
 *       (upload) are not implemented yet and fail permanently with code {@code not-implemented}.
 *   <li>Media download ({@link #fetchMedia}) is not implemented yet (the SPI default says so).
 * </ul>
 *
 * <pre>{@code
 * ChannelConnector whatsapp = new WhatsAppCloudConnectorFactory().create(config, context);
 * SendReceipt r = whatsapp.send(new OutboundMessage("rt:62", "16505551234", "+16505551234",
 *     Text.of("Your order ships tomorrow."), null, null));
 * }</pre>
 */
public final class WhatsAppCloudConnector implements ChannelConnector {

  /** Free-form replies are allowed for this long after the customer's last message. */
  public static final Duration CUSTOMER_SERVICE_WINDOW = Duration.ofHours(24);

  /**
   * Free-form messages are allowed for this long after a customer came from a click-to-WhatsApp ad.
   */
  public static final Duration FREE_ENTRY_POINT_WINDOW = Duration.ofHours(72);

  /** Meta's default throughput per business number. */
  public static final int DEFAULT_MESSAGES_PER_SECOND = 80;

  /** WhatsApp's limit for a text message body. */
  public static final int MAX_TEXT_LENGTH = 4096;

  private static final long MB = 1024L * 1024;

  /** What this connector sends, when, and how fast; media limits from Meta's media reference. */
  static final SendPolicy POLICY =
      new SendPolicy(
          OutboundContentWriter.SENDABLE_TYPES,
          InboundContentTranslator.INTERPRETED_TYPES,
          List.of(
              new SendWindow(
                  "customer-service",
                  SendWindow.Opener.CUSTOMER_MESSAGE,
                  CUSTOMER_SERVICE_WINDOW,
                  null),
              new SendWindow(
                  "free-entry-point",
                  SendWindow.Opener.AD_REFERRAL,
                  FREE_ENTRY_POINT_WINDOW,
                  null)),
          SendPolicy.OutsideWindows.TEMPLATES_ONLY,
          DEFAULT_MESSAGES_PER_SECOND,
          Duration.ofSeconds(GraphApiFailureClassifier.PAIR_RATE_LIMIT_SECONDS),
          MAX_TEXT_LENGTH,
          Map.of(
              MediaKind.IMAGE, 5 * MB,
              MediaKind.VIDEO, 16 * MB,
              MediaKind.AUDIO, 16 * MB,
              MediaKind.VOICE, 16 * MB,
              MediaKind.DOCUMENT, 100 * MB,
              MediaKind.STICKER, 500 * 1024L,
              MediaKind.ANIMATED_STICKER, 500 * 1024L));

  private final String connectionId;
  private final String phoneNumberId;
  private final OutboundContentWriter writer;
  private final WhatsAppGraphClient graph;

  WhatsAppCloudConnector(
      String connectionId,
      String phoneNumberId,
      OutboundContentWriter writer,
      WhatsAppGraphClient graph) {
    this.connectionId = connectionId;
    this.phoneNumberId = phoneNumberId;
    this.writer = writer;
    this.graph = graph;
  }

  @Override
  public String accountId() {
    return phoneNumberId;
  }

  @Override
  public SendReceipt send(OutboundMessage message) throws RetryableException, PermanentException {
    OutboundContent content = message.content();
    if (!POLICY.outboundTypes().contains(content.type())) {
      throw OutboundContentWriter.notImplemented(content.type());
    }
    if (content instanceof Text text) {
      checkText(text);
    }
    String body = writer.write(message);
    if (content instanceof MarkRead read) {
      graph.acknowledge(body);
      return new SendReceipt(read.externalId());
    }
    return new SendReceipt(graph.send(body));
  }

  private static void checkText(Text text) throws PermanentException {
    if (text.body().isBlank()) {
      throw new PermanentException(
          "a WhatsApp text message needs a non-empty text",
          null,
          "empty-text",
          FailureReason.INVALID_CONTENT);
    }
    if (text.body().length() > MAX_TEXT_LENGTH) {
      throw new PermanentException(
          "WhatsApp text messages are limited to "
              + MAX_TEXT_LENGTH
              + " characters; this one has "
              + text.body().length(),
          null,
          "text-too-long",
          FailureReason.TOO_LARGE);
    }
  }

  @Override
  public SendPolicy sendPolicy() {
    return POLICY;
  }

  /** Nothing to release: the HTTP pool belongs to the factory. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "WhatsAppCloudConnector[connection="
        + connectionId
        + ", phoneNumberId="
        + phoneNumberId
        + "]";
  }
}
