package io.switchboard.connector.whatsapp;

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
import jakarta.json.JsonReaderFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a WhatsApp webhook body into channel-neutral events, in body order: every message of every
 * {@code messages} change becomes a {@link CustomerMessage}, every status with a known value a
 * {@link DeliveryUpdate}.
 *
 * <p>Events for every business number in the body are returned, each with its {@code
 * phone_number_id} as account id: one Meta app can deliver several numbers to one callback, and the
 * engine routes by account. Statuses other than sent, delivered, read and failed (e.g. {@code
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
    List<InboundEvent> events = new ArrayList<>();
    for (WebhookChange change : WebhookNotification.read(body, json).changes()) {
      for (WebhookMessage message : change.messages()) {
        events.add(customerMessage(message, change));
      }
      for (WebhookStatus status : change.statuses()) {
        deliveryUpdate(status).ifPresent(events::add);
      }
    }
    return events;
  }

  private CustomerMessage customerMessage(WebhookMessage message, WebhookChange change) {
    String replyTo =
        message.contextId() != null
            ? message.contextId()
            : InboundContentTranslator.reactionTarget(message);
    return new CustomerMessage(
        message.id(),
        sender(message.from(), change.contacts()),
        Instant.ofEpochSecond(message.timestamp()),
        contents.translate(message),
        replyTo,
        change.phoneNumberId());
  }

  /**
   * The sender: their contact entry when it matches {@code from}, or the only contact of the change
   * (WhatsApp may give the contact's canonical id), else just {@code from} without a name.
   */
  private static ChannelUser sender(String from, List<WebhookContact> contacts) {
    Optional<WebhookContact> contact =
        contacts.stream().filter(c -> c.waId().equals(from)).findFirst();
    if (contact.isEmpty() && contacts.size() == 1) {
      contact = Optional.of(contacts.get(0));
    }
    return contact
        .map(c -> new ChannelUser(c.waId(), from, c.profileName()))
        .orElseGet(() -> new ChannelUser(from, from, null));
  }

  private static Optional<DeliveryUpdate> deliveryUpdate(WebhookStatus status) {
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
    boolean failed = value == DeliveryStatus.FAILED;
    return Optional.of(
        new DeliveryUpdate(
            status.id(),
            value,
            Instant.ofEpochSecond(status.timestamp()),
            status.recipientId(),
            failed ? status.errorCode() : null,
            failed ? errorMessage(status) : null));
  }

  private static String errorMessage(WebhookStatus status) {
    if (status.errorTitle() == null) {
      return status.errorDetails();
    }
    return status.errorDetails() == null
        ? status.errorTitle()
        : status.errorTitle() + ": " + status.errorDetails();
  }
}
