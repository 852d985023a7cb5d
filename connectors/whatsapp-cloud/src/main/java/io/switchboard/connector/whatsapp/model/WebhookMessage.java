package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * One {@code value.messages[]} object of a webhook, with the fields every message has read out and
 * the whole object kept for type-specific fields.
 *
 * @param id the {@code wamid}
 * @param from the sender's WhatsApp id (their phone number in digits)
 * @param timestamp epoch seconds, by Meta's clock
 * @param type the message type, e.g. {@code text}, {@code image}, or one Meta added later
 * @param contextId the quoted message's id ({@code context.id}), or {@code null}
 * @param json the message object as received
 */
public record WebhookMessage(
    String id, String from, long timestamp, String type, String contextId, JsonObject json) {

  /** The type-specific object, e.g. {@code "image"} for an image message, or {@code null}. */
  public JsonObject payload(String key) {
    return LenientJson.object(json, key);
  }

  /** A string field of the type-specific object, or {@code null}. */
  public String payloadString(String key, String field) {
    return LenientJson.string(payload(key), field);
  }

  /** The objects of an array field of the message, e.g. {@code "contacts"} or {@code "errors"}. */
  public List<JsonObject> array(String key) {
    return LenientJson.objects(json, key);
  }

  /** A string field of any object of this message (lenient). */
  public static String field(JsonObject object, String key) {
    return LenientJson.string(object, key);
  }

  /** An object field of any object of this message, or {@code null}. */
  public static JsonObject child(JsonObject object, String key) {
    return LenientJson.object(object, key);
  }

  /** The objects of an array field of any object of this message. */
  public static List<JsonObject> children(JsonObject object, String key) {
    return LenientJson.objects(object, key);
  }

  /** A boolean field of any object of this message, {@code false} when absent. */
  public static boolean flag(JsonObject object, String key) {
    return LenientJson.bool(object, key);
  }
}
