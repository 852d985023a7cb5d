package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * The {@code value} of one {@code entry[].changes[]} element with {@code field: "messages"}, with
 * its messages and statuses still as JSON, so that one unreadable element costs only itself.
 *
 * @param entryIndex the position of its entry in the body
 * @param changeIndex its position in the entry's changes
 * @param phoneNumberId {@code metadata.phone_number_id}: the business number concerned, or {@code
 *     null}
 * @param contacts the senders' profiles
 * @param messages the {@code messages[]} elements as received
 * @param statuses the {@code statuses[]} elements as received
 */
public record WebhookChange(
    int entryIndex,
    int changeIndex,
    String phoneNumberId,
    List<WebhookContact> contacts,
    List<JsonValue> messages,
    List<JsonValue> statuses) {

  public WebhookChange {
    contacts = List.copyOf(contacts);
    messages = List.copyOf(messages);
    statuses = List.copyOf(statuses);
  }

  /** Where this change is in the body, e.g. {@code entry[0].changes[1]}. */
  public String path() {
    return "entry[" + entryIndex + "].changes[" + changeIndex + "]";
  }
}
