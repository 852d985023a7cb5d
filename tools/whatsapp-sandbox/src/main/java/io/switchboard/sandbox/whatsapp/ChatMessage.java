package io.switchboard.sandbox.whatsapp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of the simulated chat, either typed by the customer on the phone page or sent by the
 * bridge through the Graph API; immutable, {@link ChatLog} replaces it on every change.
 *
 * @param webhookNote what happened to the last webhook about this message, for people
 * @param webhookFailed whether that webhook never got a 200 from the bridge
 * @param bridgeHttpStatus the bridge's last HTTP status for that webhook, or null if none
 */
public record ChatMessage(
    String wamid,
    WaId phone,
    Direction direction,
    String customerName,
    String text,
    Instant timestamp,
    MessageStatus status,
    String webhookNote,
    boolean webhookFailed,
    Integer bridgeHttpStatus) {

  /** Who wrote the message. */
  public enum Direction {
    /** Typed on the phone page; reaches the bridge as a webhook. */
    CUSTOMER,
    /** Sent by the bridge through the Graph API. */
    BUSINESS
  }

  ChatMessage withStatus(MessageStatus next) {
    return new ChatMessage(
        wamid,
        phone,
        direction,
        customerName,
        text,
        timestamp,
        next,
        webhookNote,
        webhookFailed,
        bridgeHttpStatus);
  }

  ChatMessage withWebhookOutcome(String note, boolean failed, Integer httpStatus) {
    return new ChatMessage(
        wamid, phone, direction, customerName, text, timestamp, status, note, failed, httpStatus);
  }

  /** The JSON object the sandbox API returns for this message. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("wamid", wamid);
    json.put("phone", phone.digits());
    json.put("direction", direction == Direction.CUSTOMER ? "customer" : "business");
    json.put("customerName", customerName);
    json.put("text", text);
    json.put("timestamp", timestamp.toString());
    json.put("status", status.wireName());
    json.put("webhookNote", webhookNote);
    json.put("webhookFailed", webhookFailed);
    json.put("bridgeHttpStatus", bridgeHttpStatus);
    return json;
  }
}
