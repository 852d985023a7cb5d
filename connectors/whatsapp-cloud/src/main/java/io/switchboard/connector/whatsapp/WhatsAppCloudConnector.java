package io.switchboard.connector.whatsapp;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.channel.SendReceipt;
import io.switchboard.spi.channel.SendWindow;
import io.switchboard.spi.channel.capability.TemplateCatalog;
import io.switchboard.spi.content.MarkRead;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Text;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One WhatsApp Business phone number on the Cloud API ({@link #accountId()} = its phone number id).
 * Its webhooks come in through the {@link WhatsAppWebhookReceiver} of its Meta app.
 *
 * <ul>
 *   <li>Sends text (with link preview and quoting), media by link or by uploaded id, location,
 *       shared contacts, reaction, reply buttons and lists, templates, and mark-as-read.
 *   <li>Downloads customers' media ({@link #fetchMedia}) and uploads files ({@link #uploadMedia}).
 *   <li>Offers the {@link TemplateCatalog} of its WhatsApp Business Account when the account's
 *       {@code whatsAppBusinessAccountId} is set.
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

  /** The highest throughput Meta grants a number (after its automatic upgrade). */
  public static final int MAX_MESSAGES_PER_SECOND = 1000;

  /** What a number sends, when, and how fast; media limits from Meta's media reference. */
  static SendPolicy policy(int messagesPerSecond) {
    return new SendPolicy(
        OutboundContentWriter.SENDABLE_TYPES,
        InboundContentTranslator.INTERPRETED_TYPES,
        List.of(
            new SendWindow(
                "customer-service",
                SendWindow.Opener.CUSTOMER_MESSAGE,
                CUSTOMER_SERVICE_WINDOW,
                null),
            new SendWindow(
                "free-entry-point", SendWindow.Opener.AD_REFERRAL, FREE_ENTRY_POINT_WINDOW, null)),
        SendPolicy.OutsideWindows.TEMPLATES_ONLY,
        messagesPerSecond,
        Duration.ofSeconds(GraphApiFailureClassifier.PAIR_RATE_LIMIT_SECONDS),
        MAX_TEXT_LENGTH,
        WhatsAppMediaRules.MAX_BYTES);
  }

  private final String connectionId;
  private final String phoneNumberId;
  private final OutboundContentWriter writer;
  private final WhatsAppGraphClient graph;
  private final WhatsAppMediaFetcher media;
  private final WhatsAppMediaUploader uploads;
  private final TemplateCatalog templates;
  private final SendPolicy policy;

  /**
   * @param templates the business account's templates, or {@code null} when no {@code
   *     whatsAppBusinessAccountId} is configured
   */
  WhatsAppCloudConnector(
      String connectionId,
      String phoneNumberId,
      OutboundContentWriter writer,
      WhatsAppGraphClient graph,
      WhatsAppMediaFetcher media,
      TemplateCatalog templates,
      int messagesPerSecond) {
    this.connectionId = connectionId;
    this.phoneNumberId = phoneNumberId;
    this.writer = writer;
    this.graph = graph;
    this.media = media;
    this.uploads = new WhatsAppMediaUploader(graph);
    this.templates = templates;
    this.policy = policy(messagesPerSecond);
  }

  @Override
  public String accountId() {
    return phoneNumberId;
  }

  @Override
  public SendReceipt send(OutboundMessage message) throws RetryableException, PermanentException {
    OutboundContent content = message.content();
    if (!policy.outboundTypes().contains(content.type())) {
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
  public Attachment fetchMedia(Media inbound) throws RetryableException, PermanentException {
    return media.fetch(inbound);
  }

  @Override
  public String uploadMedia(Attachment file) throws RetryableException, PermanentException {
    return uploads.upload(file);
  }

  @Override
  public <T> Optional<T> capability(Class<T> type) {
    if (type == TemplateCatalog.class && templates != null) {
      return Optional.of(type.cast(templates));
    }
    return Optional.empty();
  }

  @Override
  public SendPolicy sendPolicy() {
    return policy;
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
