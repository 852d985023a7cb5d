package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Objects;

/**
 * The body of {@code POST /{phone-number-id}/messages} for a text message, written strictly:
 *
 * <pre>{@code
 * {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"text",
 *  "context":{"message_id":"wamid..."},"text":{"preview_url":false,"body":"..."}}
 * }</pre>
 *
 * @param to the recipient's WhatsApp id or phone number, digits only
 * @param body the text, 1 to {@value #MAX_BODY_LENGTH} characters
 * @param replyToMessageId the {@code wamid} to quote, or {@code null}
 */
public record SendTextMessageRequest(String to, String body, String replyToMessageId) {

  /** WhatsApp's limit for a text message body. */
  public static final int MAX_BODY_LENGTH = 4096;

  public SendTextMessageRequest {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(body, "body");
    if (!to.matches("[0-9]{5,20}")) {
      throw new IllegalArgumentException("to must be 5 to 20 digits");
    }
    if (body.isBlank() || body.length() > MAX_BODY_LENGTH) {
      throw new IllegalArgumentException("body must have 1 to " + MAX_BODY_LENGTH + " characters");
    }
  }

  /** The JSON text to send. */
  public String toJson(JsonProvider json) {
    JsonObjectBuilder message =
        json.createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("recipient_type", "individual")
            .add("to", to)
            .add("type", "text");
    if (replyToMessageId != null) {
      message.add("context", json.createObjectBuilder().add("message_id", replyToMessageId));
    }
    message.add("text", json.createObjectBuilder().add("preview_url", false).add("body", body));
    return message.build().toString();
  }
}
