package io.switchboard.testkit.channel;

import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.channel.Referral;
import io.switchboard.spi.content.InboundContent;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.MediaKind;
import io.switchboard.spi.content.Text;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds realistic {@link CustomerMessage}s for engine and adapter tests; every field has a
 * plausible default (fake 1555/1650555 numbers), change only what the test is about.
 *
 * <pre>{@code
 * CustomerMessage m = CustomerMessageBuilder.aCustomerMessage().withText("Where is order 4567?")
 *     .from("16505551234", "Kerry Fisher").build();
 * CustomerMessage photo = CustomerMessageBuilder.aCustomerMessage()
 *     .withMedia(MediaKind.IMAGE, "1003383421387256", "image/jpeg", "Broken lid").build();
 * }</pre>
 */
public final class CustomerMessageBuilder {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private String externalId;
  private String accountId = "106540352242922";
  private String userId = "16505551234";
  private String phone = "16505551234";
  private String displayName = "Sheena Nelson";
  private String username;
  private List<String> otherIds = List.of();
  private Instant sentAt = Instant.ofEpochSecond(1749416383);
  private InboundContent content = Text.of("Does it come in another color?");
  private String quoted;
  private Referral referral;
  private String rawJson;

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

  /** The sender's phone as the channel gives it, or {@code null} (Messenger, business ids). */
  public CustomerMessageBuilder withPhone(String phoneNumber) {
    this.phone = phoneNumber;
    return this;
  }

  /** The sender's handle and further ids (e.g. a WhatsApp parent user id). */
  public CustomerMessageBuilder withUsername(String handle, String... moreIds) {
    this.username = handle;
    this.otherIds = List.of(moreIds);
    return this;
  }

  /** A text message with this body. */
  public CustomerMessageBuilder withText(String body) {
    this.content = Text.of(body);
    return this;
  }

  /** A media message fetched by reference. */
  public CustomerMessageBuilder withMedia(
      MediaKind kind, String reference, String mimeType, String caption) {
    this.content = Media.byReference(kind, reference, mimeType, caption);
    return this;
  }

  /** Any structured content. */
  public CustomerMessageBuilder withContent(InboundContent inboundContent) {
    this.content = inboundContent;
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
    this.quoted = externalMessageId;
    return this;
  }

  /** The ad the customer came from. */
  public CustomerMessageBuilder fromAd(Referral ad) {
    this.referral = ad;
    return this;
  }

  /** The receiving channel account (WhatsApp {@code phone_number_id}). */
  public CustomerMessageBuilder toAccount(String id) {
    this.accountId = id;
    return this;
  }

  public CustomerMessage build() {
    MessageContext context =
        quoted == null && referral == null
            ? MessageContext.NONE
            : new MessageContext(quoted, false, false, referral);
    return new CustomerMessage(
        externalId,
        accountId,
        new ChannelUser(userId, phone, displayName, username, otherIds),
        sentAt,
        content,
        context,
        rawJson);
  }
}
