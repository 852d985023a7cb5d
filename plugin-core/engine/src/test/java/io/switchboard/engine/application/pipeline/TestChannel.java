package io.switchboard.engine.application.pipeline;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendPolicy;
import io.switchboard.spi.channel.SendReceipt;
import io.switchboard.spi.channel.SendWindow;
import io.switchboard.spi.channel.capability.TemplateCatalog;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import io.switchboard.spi.content.MediaKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A channel account at the SPI level with WhatsApp's policy (24-hour window, 72-hour free entry
 * after an ad, templates only outside; 5 MB images, 16 MB video and audio, 100 MB documents, 100 KB
 * stickers): records what it sent and uploaded; the test scripts its failures and templates.
 */
final class TestChannel implements ChannelConnector, TemplateCatalog {
  static final SendPolicy WHATSAPP =
      new SendPolicy(
          Set.of(
              "text",
              "image",
              "video",
              "audio",
              "document",
              "sticker",
              "template",
              "mark_read",
              "location",
              "contacts",
              "reaction",
              "interactive",
              "catalog_products"),
          Set.of("text"),
          List.of(
              new SendWindow(
                  "customer-service",
                  SendWindow.Opener.CUSTOMER_MESSAGE,
                  Duration.ofHours(24),
                  null),
              new SendWindow(
                  "free-entry-point", SendWindow.Opener.AD_REFERRAL, Duration.ofHours(72), null)),
          SendPolicy.OutsideWindows.TEMPLATES_ONLY,
          80,
          Duration.ofSeconds(6),
          4096,
          Map.of(
              MediaKind.IMAGE, 5L * 1024 * 1024,
              MediaKind.VIDEO, 16L * 1024 * 1024,
              MediaKind.AUDIO, 16L * 1024 * 1024,
              MediaKind.DOCUMENT, 100L * 1024 * 1024,
              MediaKind.STICKER, 100L * 1024));

  final List<OutboundMessage> sent = Collections.synchronizedList(new ArrayList<>());

  /** The read receipts (mark as read), kept apart from the messages. */
  final List<String> markedRead = Collections.synchronizedList(new ArrayList<>());

  final List<Attachment> uploads = Collections.synchronizedList(new ArrayList<>());
  volatile List<TemplateDefinition> templates = List.of();
  volatile boolean catalog = true;
  volatile int sendFailures;
  private int ids;

  @Override
  public String accountId() {
    return "1065";
  }

  @Override
  public synchronized SendReceipt send(OutboundMessage message) throws RetryableException {
    if (sendFailures > 0) {
      sendFailures--;
      throw new RetryableException("Graph API timed out", null);
    }
    if (message.content() instanceof io.switchboard.spi.content.MarkRead read) {
      markedRead.add(read.externalId());
      return new SendReceipt(read.externalId());
    }
    sent.add(message);
    return new SendReceipt("wamid.out-" + (++ids));
  }

  @Override
  public synchronized String uploadMedia(Attachment file) {
    uploads.add(file);
    return "wa-media:" + uploads.size();
  }

  @Override
  public <T> Optional<T> capability(Class<T> type) {
    return catalog && type == TemplateCatalog.class
        ? Optional.of(type.cast(this))
        : Optional.empty();
  }

  @Override
  public List<TemplateDefinition> templates() throws PermanentException {
    return templates;
  }

  @Override
  public SendPolicy sendPolicy() {
    return WHATSAPP;
  }
}
