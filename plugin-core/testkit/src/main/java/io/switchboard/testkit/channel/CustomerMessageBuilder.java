package io.switchboard.testkit.channel;

import io.switchboard.spi.Attachment;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.MessageContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds realistic {@link CustomerMessage}s for engine and adapter tests; every field has a
 * plausible WhatsApp-like default (fake 1555/1650555 numbers), change only what the test is about.
 *
 * <pre>{@code
 * CustomerMessage m = CustomerMessageBuilder.aCustomerMessage().withText("Where is order 4567?")
 *     .from("16505551234", "Kerry Fisher").build();
 * }</pre>
 */
public final class CustomerMessageBuilder {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private String externalId;
  private String userId = "16505551234";
  private String phone = "16505551234";
  private String displayName = "Sheena Nelson";
  private Instant sentAt = Instant.ofEpochSecond(1749416383);
  private String type = "text";
  private String text = "Does it come in another color?";
  private final List<Attachment> attachments = new ArrayList<>();
  private String rawJson;
  private String replyTo;
  private String accountId = "106540352242922";

  private CustomerMessageBuilder() {
    externalId = "wamid.TESTKIT" + String.format("%06d", SEQUENCE.incrementAndGet());
  }

  /** A text message from a fake customer, with a fresh external id. */
  public static CustomerMessageBuilder aCustomerMessage() {
    return new CustomerMessageBuilder();
  }

  /** The channel's message id (dedupe keys derive from it). */
  public CustomerMessageBuilder withExternalId(String id) {
    this.externalId = id;
    return this;
  }

  /** The sender, by channel user id (also used as the phone number) and profile name. */
  public CustomerMessageBuilder from(String channelUserId, String name) {
    this.userId = channelUserId;
    this.phone = channelUserId;
    this.displayName = name;
    return this;
  }

  /** The sender's phone as the channel gives it, or {@code null} (e.g. Messenger). */
  public CustomerMessageBuilder withPhone(String phoneNumber) {
    this.phone = phoneNumber;
    return this;
  }

  /** A text message with this body. */
  public CustomerMessageBuilder withText(String body) {
    this.type = "text";
    this.text = body;
    return this;
  }

  /** Any message type with its caption or summary (e.g. {@code "image", "Broken lid"}). */
  public CustomerMessageBuilder ofType(String messageType, String captionOrSummary) {
    this.type = messageType;
    this.text = captionOrSummary;
    return this;
  }

  /** Adds a file reference, as a connector produces before download. */
  public CustomerMessageBuilder withAttachment(
      String fileName, String contentType, String reference) {
    attachments.add(new Attachment(fileName, contentType, -1, reference, null));
    return this;
  }

  /** The channel's original JSON for the message. */
  public CustomerMessageBuilder withRawJson(String json) {
    this.rawJson = json;
    return this;
  }

  /** When the customer sent it. */
  public CustomerMessageBuilder sentAt(Instant instant) {
    this.sentAt = instant;
    return this;
  }

  /** The quoted message's channel id. */
  public CustomerMessageBuilder replyingTo(String externalMessageId) {
    this.replyTo = externalMessageId;
    return this;
  }

  /** The receiving channel account (WhatsApp {@code phone_number_id}). */
  public CustomerMessageBuilder toAccount(String id) {
    this.accountId = id;
    return this;
  }

  public CustomerMessage build() {
    return new CustomerMessage(
        externalId,
        new ChannelUser(userId, phone, displayName),
        sentAt,
        new MessageContent(type, text, attachments, rawJson),
        replyTo,
        accountId);
  }
}
