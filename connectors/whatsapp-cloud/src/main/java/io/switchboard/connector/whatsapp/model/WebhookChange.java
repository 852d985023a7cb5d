package io.switchboard.connector.whatsapp.model;

import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code entry[].changes[]} element of a field this connector reads ({@code messages}, {@code
 * smb_message_echoes}, {@code history}, the template fields), with its parts still as JSON, so that
 * one unreadable element costs only itself.
 *
 * @param entryIndex the position of its entry in the body
 * @param changeIndex its position in the entry's changes
 * @param field the change's {@code field}
 * @param entryId the entry's {@code id}: the WhatsApp Business Account id, or {@code null}
 * @param entryTime the entry's {@code time} (epoch seconds, as text), or {@code null}
 * @param value the change's {@code value}
 */
public record WebhookChange(
    int entryIndex,
    int changeIndex,
    String field,
    String entryId,
    String entryTime,
    JsonObject value) {

  /** Where this change is in the body, e.g. {@code entry[0].changes[1]}. */
  public String path() {
    return "entry[" + entryIndex + "].changes[" + changeIndex + "]";
  }

  /** {@code metadata.phone_number_id}: the business number concerned, or {@code null}. */
  public String phoneNumberId() {
    return text(object(value, "metadata"), "phone_number_id");
  }

  /** The senders' profiles of a {@code messages} change ({@code value.contacts[]}). */
  public List<WebhookContact> contacts() {
    List<WebhookContact> contacts = new ArrayList<>();
    for (JsonObject contact : LenientJson.objects(value, "contacts")) {
      WebhookContact read = WebhookContact.read(contact);
      if (read != null) {
        contacts.add(read);
      }
    }
    return contacts;
  }

  /**
   * The elements of an array in the value ({@code messages}, {@code statuses}, ...) as received.
   */
  public List<JsonValue> elements(String key) {
    return value.get(key) instanceof JsonArray array ? array : List.of();
  }
}
