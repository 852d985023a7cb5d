package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.UnreadableParts.unreadable;
import static io.switchboard.connector.whatsapp.UnreadableParts.why;

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
import io.switchboard.spi.channel.UnreadableEvent;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a WhatsApp webhook body into channel-neutral events, in body order: every message of every
 * {@code messages} change becomes a {@link CustomerMessage}, every status with a known value a
 * {@link DeliveryUpdate}, each with its change's {@code metadata.phone_number_id} as account id
 * (one Meta app delivers all its numbers to one callback; the engine routes by account). Echoes and
 * history of a number shared with the WhatsApp Business app are read by {@link
 * BusinessMessageReader}, template changes by {@link TemplateUpdateReader}; other fields give no
 * events.
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
  private final BusinessMessageReader business = new BusinessMessageReader(contents);

  WhatsAppWebhookParser(JsonReaderFactory json) {
    this.json = json;
  }

  List<InboundEvent> parse(byte[] body) throws MalformedPayloadException {
    WebhookNotification notification = WebhookNotification.read(body, json);
    List<InboundEvent> events = new ArrayList<>();
    for (WebhookNotification.BadPart bad : notification.badEntries()) {
      events.add(
          UnreadableParts.unreadable(
              "",
              "unreadable:" + bad.key(),
              bad.path() + " is not shaped like a WhatsApp entry or change",
              bad.json()));
    }
    for (WebhookChange change : notification.changes()) {
      String position = "unreadable:" + change.entryIndex() + ":" + change.changeIndex() + ":";
      switch (change.field()) {
        case "messages" -> messages(change, position, events);
        case "smb_message_echoes" -> business.echoes(change, position, events);
        case "history" -> business.history(change, position, events);
        default -> templateUpdate(change, position, events);
      }
    }
    return events;
  }

  private void messages(WebhookChange change, String position, List<InboundEvent> events) {
    List<WebhookContact> contacts = change.contacts();
    List<JsonValue> messages = change.elements("messages");
    for (int m = 0; m < messages.size(); m++) {
      JsonValue element = messages.get(m);
      try {
        events.add(customerMessage(WebhookMessage.read(element), change, contacts));
      } catch (UnreadablePartException | RuntimeException e) {
        events.add(
            unreadable(
                change.phoneNumberId(),
                position + "message" + m,
                change.path() + ".value.messages[" + m + "]: " + why(e),
                element));
      }
    }
    List<JsonValue> statuses = change.elements("statuses");
    for (int s = 0; s < statuses.size(); s++) {
      JsonValue element = statuses.get(s);
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

  private static void templateUpdate(
      WebhookChange change, String position, List<InboundEvent> events) {
    try {
      events.add(TemplateUpdateReader.read(change));
    } catch (UnreadablePartException | RuntimeException e) {
      events.add(
          unreadable(
              change.entryId(),
              position + "template",
              change.path() + " (" + change.field() + "): " + why(e),
              change.value()));
    }
  }

  private CustomerMessage customerMessage(
      WebhookMessage message, WebhookChange change, List<WebhookContact> contacts)
      throws UnreadablePartException {
    return new CustomerMessage(
        message.id(),
        account(change),
        sender(message, contacts),
        Instant.ofEpochSecond(message.timestamp()),
        contents.translate(message),
        MessageContextReader.context(message.json()),
        message.json().toString());
  }

  private static String account(WebhookChange change) throws UnreadablePartException {
    return BusinessMessageReader.account(change);
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

  /**
   * The plain explanation of the code (for the agent), then Meta's title and details: {@code more
   * than 24 hours ... (WhatsApp 131047: Re-engagement message: Message failed to send ...)}.
   */
  static String errorMessage(WebhookStatus status) {
    String meta =
        status.errorTitle() == null
            ? status.errorDetails()
            : status.errorDetails() == null || status.errorDetails().equals(status.errorTitle())
                ? status.errorTitle()
                : status.errorTitle() + ": " + status.errorDetails();
    String said =
        "WhatsApp"
            + (status.errorCode() == null ? "" : " " + status.errorCode())
            + (meta == null ? "" : ": " + meta);
    return WhatsAppErrorCodes.explain(status.errorCode())
        .map(plain -> plain + " (" + said + ")")
        .orElse(meta == null ? said : meta);
  }
}
