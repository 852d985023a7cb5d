package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.LenientJson.bool;
import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import io.switchboard.connector.whatsapp.model.UnreadablePartException;
import io.switchboard.connector.whatsapp.model.WebhookChange;
import io.switchboard.connector.whatsapp.model.WebhookContact;
import io.switchboard.connector.whatsapp.model.WebhookMessage;
import io.switchboard.connector.whatsapp.model.WebhookNotification;
import io.switchboard.connector.whatsapp.model.WebhookStatus;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryStatus;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.InboundEvent;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.channel.Referral;
import io.switchboard.spi.channel.UnreadableEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a WhatsApp webhook body into channel-neutral events, in body order: every message of every
 * {@code messages} change becomes a {@link CustomerMessage}, every status with a known value a
 * {@link DeliveryUpdate}, each with its change's {@code metadata.phone_number_id} as account id
 * (one Meta app delivers all its numbers to one callback; the engine routes by account).
 *
 * <p>A message or status that cannot be read (no id, wrong shape, no account) becomes an {@link
 * UnreadableEvent} of its own, keyed {@code unreadable:<entry>:<change>:<kind><index>:<digest>}
 * (the digest of its JSON keeps two different bad events at the same position apart), and the rest
 * of the body still parses. Statuses other than sent, delivered, read and failed (e.g. {@code
 * deleted}, {@code warning}) have no place in {@link DeliveryStatus} and are skipped. Pure: the
 * same body always gives equal events.
 */
final class WhatsAppWebhookParser {

  private final JsonReaderFactory json;
  private final InboundContentTranslator contents = new InboundContentTranslator();

  WhatsAppWebhookParser(JsonReaderFactory json) {
    this.json = json;
  }

  List<InboundEvent> parse(byte[] body) throws MalformedPayloadException {
    WebhookNotification notification = WebhookNotification.read(body, json);
    List<InboundEvent> events = new ArrayList<>();
    for (WebhookNotification.BadPart bad : notification.badEntries()) {
      events.add(
          unreadable(
              "",
              "unreadable:" + bad.key(),
              bad.path() + " is not shaped like a WhatsApp entry or change",
              bad.json()));
    }
    for (WebhookChange change : notification.changes()) {
      String position = "unreadable:" + change.entryIndex() + ":" + change.changeIndex() + ":";
      for (int m = 0; m < change.messages().size(); m++) {
        JsonValue element = change.messages().get(m);
        try {
          events.add(customerMessage(WebhookMessage.read(element), change));
        } catch (UnreadablePartException | RuntimeException e) {
          events.add(
              unreadable(
                  change.phoneNumberId(),
                  position + "message" + m,
                  change.path() + ".value.messages[" + m + "]: " + why(e),
                  element));
        }
      }
      for (int s = 0; s < change.statuses().size(); s++) {
        JsonValue element = change.statuses().get(s);
        try {
          deliveryUpdate(WebhookStatus.read(element), change).ifPresent(events::add);
        } catch (UnreadablePartException | RuntimeException e) {
          events.add(
              unreadable(
                  change.phoneNumberId(),
                  position + "status" + s,
                  change.path() + ".value.statuses[" + s + "]: " + why(e),
                  element));
        }
      }
    }
    return events;
  }

  private CustomerMessage customerMessage(WebhookMessage message, WebhookChange change)
      throws UnreadablePartException {
    return new CustomerMessage(
        message.id(),
        account(change),
        sender(message, change.contacts()),
        Instant.ofEpochSecond(message.timestamp()),
        contents.translate(message),
        context(message.json()),
        message.json().toString());
  }

  private static String account(WebhookChange change) throws UnreadablePartException {
    if (change.phoneNumberId() == null) {
      throw new UnreadablePartException("the change has no \"metadata.phone_number_id\"");
    }
    return change.phoneNumberId();
  }

  /**
   * The sender. Their contact entry is the one matching {@code from} (or {@code from_user_id}),
   * else the only contact of the change. The id to reply to is the phone-based {@code wa_id} when
   * there is one, else the business-scoped {@code user_id}; the other ids go to {@link
   * ChannelUser#otherIds()}. A phone number is given only when WhatsApp gives a phone-based id.
   */
  private static ChannelUser sender(WebhookMessage message, List<WebhookContact> contacts)
      throws UnreadablePartException {
    Optional<WebhookContact> contact =
        contacts.stream()
            .filter(
                c ->
                    (c.waId() != null && c.waId().equals(message.from()))
                        || (c.userId() != null && c.userId().equals(message.fromUserId())))
            .findFirst();
    if (contact.isEmpty() && contacts.size() == 1) {
      contact = Optional.of(contacts.get(0));
    }
    String waId = contact.map(WebhookContact::waId).orElse(message.from());
    String userId = contact.map(WebhookContact::userId).orElse(message.fromUserId());
    String id = waId != null ? waId : userId;
    if (id == null) {
      throw new UnreadablePartException("message names no sender (no from, no from_user_id)");
    }
    Set<String> others = new LinkedHashSet<>();
    for (String other :
        new String[] {
          userId, message.fromUserId(), contact.map(WebhookContact::parentUserId).orElse(null)
        }) {
      if (other != null && !other.equals(id)) {
        others.add(other);
      }
    }
    String phone = message.from() != null ? message.from() : waId;
    return new ChannelUser(
        id,
        phone,
        contact.map(WebhookContact::profileName).orElse(null),
        contact.map(WebhookContact::username).orElse(null),
        List.copyOf(others));
  }

  private static MessageContext context(JsonObject message) {
    JsonObject context = object(message, "context");
    JsonObject referral = object(message, "referral");
    if (context == null && referral == null) {
      return MessageContext.NONE;
    }
    return new MessageContext(
        text(context, "id"),
        bool(context, "forwarded"),
        bool(context, "frequently_forwarded"),
        referral == null
            ? null
            : new Referral(
                text(referral, "source_type"),
                text(referral, "source_id"),
                text(referral, "source_url"),
                text(referral, "headline"),
                text(referral, "body"),
                text(referral, "media_type"),
                text(referral, "ctwa_clid")));
  }

  private static Optional<DeliveryUpdate> deliveryUpdate(WebhookStatus status, WebhookChange change)
      throws UnreadablePartException {
    DeliveryStatus value =
        switch (status.status()) {
          case "sent" -> DeliveryStatus.SENT;
          case "delivered" -> DeliveryStatus.DELIVERED;
          case "read" -> DeliveryStatus.READ;
          case "failed" -> DeliveryStatus.FAILED;
          default -> null;
        };
    if (value == null) {
      return Optional.empty();
    }
    DeliveryUpdate.Failure failure =
        value == DeliveryStatus.FAILED
            ? new DeliveryUpdate.Failure(
                status.errorCode(),
                WhatsAppErrorCodes.reason(status.errorCode()),
                errorMessage(status))
            : null;
    return Optional.of(
        new DeliveryUpdate(
            status.id(),
            account(change),
            value,
            Instant.ofEpochSecond(status.timestamp()),
            status.recipientId(),
            failure,
            status.pricingCategory()));
  }

  private static String errorMessage(WebhookStatus status) {
    if (status.errorTitle() == null) {
      return status.errorDetails();
    }
    return status.errorDetails() == null
        ? status.errorTitle()
        : status.errorTitle() + ": " + status.errorDetails();
  }

  /** The reason of an unreadable part; for an unexpected exception, its type too. */
  private static String why(Exception e) {
    return e instanceof UnreadablePartException ? e.getMessage() : "unexpected shape: " + e;
  }

  private static UnreadableEvent unreadable(
      String accountId, String position, String reason, JsonValue element) {
    String raw = element == null ? "null" : element.toString();
    return new UnreadableEvent(accountId, position + ":" + digest(raw), reason, raw);
  }

  /** The first 16 hex digits of SHA-256 of the event's JSON. */
  private static String digest(String raw) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
