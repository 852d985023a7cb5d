package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Objects;

/**
 * Bodies of {@code POST /{phone-number-id}/messages}, written strictly as Meta's contract wants
 * them:
 *
 * <pre>{@code
 * {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"text",
 *  "context":{"message_id":"wamid..."},"text":{"preview_url":false,"body":"..."}}
 * {"messaging_product":"whatsapp","status":"read","message_id":"wamid..."}
 * }</pre>
 *
 * Callers build the type-specific object with {@link #object()} and {@link #array()} and wrap it
 * with {@link #message}.
 */
public final class SendMessageRequest {

  private final JsonProvider json;

  public SendMessageRequest(JsonProvider json) {
    this.json = Objects.requireNonNull(json);
  }

  /**
   * A message to one customer.
   *
   * @param to the recipient's WhatsApp id or phone number, digits only
   * @param type the message type, also the key of {@code payload}
   * @param replyTo the {@code wamid} to quote, or {@code null}
   */
  public String message(String to, String type, JsonObjectBuilder payload, String replyTo) {
    return envelope(to, type, replyTo).add(type, payload).build().toString();
  }

  /** A message whose payload is an array, e.g. {@code "contacts":[...]}. */
  public String message(String to, String type, JsonArrayBuilder payload, String replyTo) {
    return envelope(to, type, replyTo).add(type, payload).build().toString();
  }

  /**
   * Whether an id is a business-scoped user id (2026): two capital letters for the country, a dot,
   * then up to 128 letters, digits and dots ({@code US.13491208655302741918}, {@code
   * US.ENT.11815799212886844830}).
   */
  public static boolean isBusinessScopedId(String id) {
    return id != null && id.matches("[A-Z]{2}\\.[A-Za-z0-9.]{1,128}");
  }

  private JsonObjectBuilder envelope(String to, String type, String replyTo) {
    // A customer known only by a business-scoped user id is addressed by "recipient" (Meta's BSUID
    // rollout, 2026; the v23.0 contract copy still requires "to", so only the local double checks
    // this shape); everyone else by "to", their WhatsApp id or phone.
    JsonObjectBuilder message =
        json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("recipient_type", "individual")
            .add(isBusinessScopedId(to) ? "recipient" : "to", to)
            .add("type", type);
    if (replyTo != null) {
      message.add("context", json.createObjectBuilder().add("message_id", replyTo));
    }
    return message;
  }

  /** Marks a customer's message read, optionally showing a typing indicator. */
  public String markRead(String messageId, boolean showTyping) {
    JsonObjectBuilder body =
        json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("status", "read")
            .add("message_id", messageId);
    if (showTyping) {
      body.add("typing_indicator", json.createObjectBuilder().add("type", "text"));
    }
    return body.build().toString();
  }

  /** A new JSON object builder. */
  public JsonObjectBuilder object() {
    return json.createObjectBuilder();
  }

  /** A new JSON array builder. */
  public JsonArrayBuilder array() {
    return json.createArrayBuilder();
  }

  /** Adds a field only when the value is not {@code null}. */
  public static JsonObjectBuilder addIfPresent(JsonObjectBuilder object, String key, String value) {
    return value == null ? object : object.add(key, value);
  }
}
