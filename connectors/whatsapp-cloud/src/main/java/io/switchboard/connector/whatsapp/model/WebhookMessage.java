package io.switchboard.connector.whatsapp.model;

import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One {@code value.messages[]} object of a webhook, with the fields every message has read out and
 * the whole object kept for type-specific fields.
 *
 * @param id the {@code wamid}
 * @param from the sender's phone-based WhatsApp id, or {@code null} (business-scoped users)
 * @param fromUserId the sender's business-scoped user id ({@code from_user_id}), or {@code null}
 * @param timestamp epoch seconds, by Meta's clock
 * @param type the message type, e.g. {@code text}, {@code image}, or one Meta added later
 * @param json the message object as received
 */
public record WebhookMessage(
    String id, String from, String fromUserId, long timestamp, String type, JsonObject json) {

  /**
   * Reads one element of {@code messages[]}.
   *
   * @throws UnreadablePartException when it is not an object or lacks id or timestamp
   */
  public static WebhookMessage read(JsonValue element) throws UnreadablePartException {
    if (!(element instanceof JsonObject message)) {
      throw new UnreadablePartException("message is not a JSON object");
    }
    String id = text(message, "id");
    if (id == null) {
      throw new UnreadablePartException("message has no \"id\"");
    }
    String type = text(message, "type");
    return new WebhookMessage(
        id,
        text(message, "from"),
        text(message, "from_user_id"),
        epochSeconds(message),
        type == null ? "unknown" : type,
        message);
  }

  /** The type-specific object, e.g. {@code "image"} for an image message, or {@code null}. */
  public JsonObject payload(String key) {
    return object(json, key);
  }

  static long epochSeconds(JsonObject object) throws UnreadablePartException {
    String raw = text(object, "timestamp");
    if (raw == null) {
      throw new UnreadablePartException("no \"timestamp\"");
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new UnreadablePartException("timestamp \"" + raw + "\" is not epoch seconds");
    }
  }
}
