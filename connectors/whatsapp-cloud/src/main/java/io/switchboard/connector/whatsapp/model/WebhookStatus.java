package io.switchboard.connector.whatsapp.model;

import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.objects;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One {@code value.statuses[]} object: how far a message we sent got.
 *
 * @param id the {@code wamid} of our message
 * @param status {@code sent}, {@code delivered}, {@code read}, {@code failed}, or another value
 *     Meta uses (e.g. {@code deleted}, {@code warning})
 * @param timestamp epoch seconds
 * @param recipientId the customer's WhatsApp id ({@code recipient_id}, else the business-scoped
 *     {@code recipient_user_id})
 * @param errorCode {@code errors[0].code} as text, or {@code null}
 * @param errorTitle {@code errors[0].title} (or {@code message}), or {@code null}
 * @param errorDetails {@code errors[0].error_data.details}, or {@code null}
 * @param pricingCategory {@code pricing.category}, or {@code null}
 */
public record WebhookStatus(
    String id,
    String status,
    long timestamp,
    String recipientId,
    String errorCode,
    String errorTitle,
    String errorDetails,
    String pricingCategory) {

  /**
   * Reads one element of {@code statuses[]}.
   *
   * @throws UnreadablePartException when it is not an object or lacks id, status, timestamp or
   *     recipient
   */
  public static WebhookStatus read(JsonValue element) throws UnreadablePartException {
    if (!(element instanceof JsonObject status)) {
      throw new UnreadablePartException("status is not a JSON object");
    }
    String id = text(status, "id");
    String value = text(status, "status");
    String recipient = text(status, "recipient_id");
    if (recipient == null) {
      recipient = text(status, "recipient_user_id");
    }
    if (id == null || value == null || recipient == null) {
      throw new UnreadablePartException(
          "status lacks "
              + (id == null ? "\"id\"" : value == null ? "\"status\"" : "\"recipient_id\""));
    }
    long timestamp = WebhookMessage.epochSeconds(status);
    JsonObject error = objects(status, "errors").stream().findFirst().orElse(null);
    String title = text(error, "title");
    return new WebhookStatus(
        id,
        value,
        timestamp,
        recipient,
        text(error, "code"),
        title != null ? title : text(error, "message"),
        text(object(error, "error_data"), "details"),
        text(object(status, "pricing"), "category"));
  }
}
