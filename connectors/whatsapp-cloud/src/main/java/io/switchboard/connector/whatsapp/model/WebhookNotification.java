package io.switchboard.connector.whatsapp.model;

import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.objects;
import static io.switchboard.connector.whatsapp.model.LenientJson.string;

import io.switchboard.spi.MalformedPayloadException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A WhatsApp webhook POST body ({@code object: whatsapp_business_account}), read leniently: unknown
 * fields are ignored, changes other than {@code messages} (account updates, groups, ...) are
 * skipped. Only what makes the body unusable is an error: not JSON, not an object, another {@code
 * object} kind, no {@code entry} array, or a message or status without the fields that identify it.
 *
 * @param changes the {@code messages} changes of all entries, in body order
 */
public record WebhookNotification(List<WebhookChange> changes) {

  /** The value of {@code object} in WhatsApp Business Account webhooks. */
  public static final String OBJECT_KIND = "whatsapp_business_account";

  public WebhookNotification {
    changes = List.copyOf(changes);
  }

  /**
   * Reads a raw body.
   *
   * @throws MalformedPayloadException naming the first problem and where it is
   */
  public static WebhookNotification read(byte[] body, JsonReaderFactory json)
      throws MalformedPayloadException {
    if (body == null || body.length == 0) {
      throw new MalformedPayloadException(
          "empty body: expected a WhatsApp webhook JSON object", null);
    }
    JsonValue root;
    try (JsonReader reader = json.createReader(new ByteArrayInputStream(body))) {
      root = reader.readValue();
    } catch (JsonException e) {
      throw new MalformedPayloadException("body is not JSON: " + e.getMessage(), e);
    }
    if (!(root instanceof JsonObject envelope)) {
      throw new MalformedPayloadException(
          "body is JSON " + root.getValueType().name().toLowerCase() + ", expected an object",
          null);
    }
    String kind = string(envelope, "object");
    if (kind != null && !OBJECT_KIND.equals(kind)) {
      throw new MalformedPayloadException(
          "object is \"" + kind + "\", expected \"" + OBJECT_KIND + "\"", null);
    }
    if (!(envelope.get("entry") instanceof JsonArray entries)) {
      throw new MalformedPayloadException("body has no \"entry\" array", null);
    }
    List<WebhookChange> changes = new ArrayList<>();
    for (int e = 0; e < entries.size(); e++) {
      if (!(entries.get(e) instanceof JsonObject entry)) {
        throw new MalformedPayloadException("entry[" + e + "] is not an object", null);
      }
      List<JsonObject> entryChanges = objects(entry, "changes");
      for (int c = 0; c < entryChanges.size(); c++) {
        JsonObject change = entryChanges.get(c);
        JsonObject value = object(change, "value");
        if ("messages".equals(string(change, "field")) && value != null) {
          changes.add(readChange(value, "entry[" + e + "].changes[" + c + "].value"));
        }
      }
    }
    return new WebhookNotification(changes);
  }

  private static WebhookChange readChange(JsonObject value, String path)
      throws MalformedPayloadException {
    List<WebhookContact> contacts = new ArrayList<>();
    for (JsonObject contact : objects(value, "contacts")) {
      String waId = string(contact, "wa_id");
      if (waId != null) {
        contacts.add(new WebhookContact(waId, string(object(contact, "profile"), "name")));
      }
    }
    List<WebhookMessage> messages = new ArrayList<>();
    List<JsonObject> rawMessages = objects(value, "messages");
    for (int m = 0; m < rawMessages.size(); m++) {
      messages.add(readMessage(rawMessages.get(m), path + ".messages[" + m + "]"));
    }
    List<WebhookStatus> statuses = new ArrayList<>();
    List<JsonObject> rawStatuses = objects(value, "statuses");
    for (int s = 0; s < rawStatuses.size(); s++) {
      statuses.add(readStatus(rawStatuses.get(s), path + ".statuses[" + s + "]"));
    }
    return new WebhookChange(
        string(object(value, "metadata"), "phone_number_id"), contacts, messages, statuses);
  }

  private static WebhookMessage readMessage(JsonObject message, String path)
      throws MalformedPayloadException {
    String type = string(message, "type");
    return new WebhookMessage(
        required(message, "id", path),
        required(message, "from", path),
        epochSeconds(message, path),
        type == null || type.isBlank() ? "unknown" : type,
        string(object(message, "context"), "id"),
        message);
  }

  private static WebhookStatus readStatus(JsonObject status, String path)
      throws MalformedPayloadException {
    JsonObject error = objects(status, "errors").stream().findFirst().orElse(null);
    String title = string(error, "title");
    return new WebhookStatus(
        required(status, "id", path),
        required(status, "status", path),
        epochSeconds(status, path),
        required(status, "recipient_id", path),
        string(error, "code"),
        title != null ? title : string(error, "message"),
        string(object(error, "error_data"), "details"));
  }

  private static String required(JsonObject object, String key, String path)
      throws MalformedPayloadException {
    String value = string(object, key);
    if (value == null || value.isBlank()) {
      throw new MalformedPayloadException(path + " has no \"" + key + "\"", null);
    }
    return value;
  }

  private static long epochSeconds(JsonObject object, String path)
      throws MalformedPayloadException {
    String raw = required(object, "timestamp", path);
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new MalformedPayloadException(
          path + ".timestamp \"" + raw + "\" is not epoch seconds", e);
    }
  }
}
