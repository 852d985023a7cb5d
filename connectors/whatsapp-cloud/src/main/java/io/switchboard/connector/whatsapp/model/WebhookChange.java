package io.switchboard.connector.whatsapp.model;

import java.util.List;

/**
 * The {@code value} of one {@code entry[].changes[]} element with {@code field: "messages"}.
 *
 * @param phoneNumberId {@code metadata.phone_number_id}: the business number concerned, or {@code
 *     null}
 * @param contacts the senders' profiles
 * @param messages inbound messages
 * @param statuses statuses of messages we sent
 */
public record WebhookChange(
    String phoneNumberId,
    List<WebhookContact> contacts,
    List<WebhookMessage> messages,
    List<WebhookStatus> statuses) {

  public WebhookChange {
    contacts = List.copyOf(contacts);
    messages = List.copyOf(messages);
    statuses = List.copyOf(statuses);
  }
}
