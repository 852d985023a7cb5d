package io.switchboard.sandbox.whatsapp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of the simulated chat, either sent by the customer on the phone page (or the sandbox
 * API) or sent by the business through the Graph API or its WhatsApp Business app; immutable,
 * {@link ChatLog} replaces it on every change.
 *
 * @param webhookNote what happened to the last webhook about this message, for people
 * @param webhookFailed whether that webhook never got a 200 from the bridge
 * @param bridgeHttpStatus the bridge's last HTTP status for that webhook, or null if none
 * @param reactions the emoji each side reacted with ({@code customer}, {@code business}), if any
 * @param error why a business message failed after acceptance ({@code code}, {@code title}, {@code
 *     details}), or null
 */
public record ChatMessage(
    String wamid,
    WaId phone,
    Direction direction,
    String customerName,
    MessageContent content,
    Instant timestamp,
    MessageStatus status,
    String webhookNote,
    boolean webhookFailed,
    Integer bridgeHttpStatus,
    Map<String, String> reactions,
    Map<String, Object> error) {

  /** Who wrote the message. */
  public enum Direction {
    /** The customer; reaches the bridge as a webhook. */
    CUSTOMER,
    /** The business through the Graph API (the bridge). */
    BUSINESS,
    /** The business in the WhatsApp Business app on the same number (coexistence echoes). */
    BUSINESS_APP
  }

  /** The summary text, as shown in chat lists. */
  public String text() {
    return content.summary();
  }

  /** Whether the business wrote it (through the API or the app). */
  public boolean fromBusiness() {
    return direction != Direction.CUSTOMER;
  }

  ChatMessage withStatus(MessageStatus next) {
    return new ChatMessage(
        wamid,
        phone,
        direction,
        customerName,
        content,
        timestamp,
        next,
        webhookNote,
        webhookFailed,
        bridgeHttpStatus,
        reactions,
        error);
  }

  ChatMessage withWebhookOutcome(String note, boolean failed, Integer httpStatus) {
    return new ChatMessage(
        wamid,
        phone,
        direction,
        customerName,
        content,
        timestamp,
        status,
        note,
        failed,
        httpStatus,
        reactions,
        error);
  }

  ChatMessage withReaction(String side, String emoji) {
    Map<String, String> next = new LinkedHashMap<>(reactions);
    if (emoji == null || emoji.isEmpty()) {
      next.remove(side);
    } else {
      next.put(side, emoji);
    }
    return new ChatMessage(
        wamid,
        phone,
        direction,
        customerName,
        content,
        timestamp,
        status,
        webhookNote,
        webhookFailed,
        bridgeHttpStatus,
        Map.copyOf(next),
        error);
  }

  ChatMessage failedWith(Map<String, Object> why) {
    return new ChatMessage(
        wamid,
        phone,
        direction,
        customerName,
        content,
        timestamp,
        MessageStatus.FAILED,
        webhookNote,
        webhookFailed,
        bridgeHttpStatus,
        reactions,
        why);
  }

  /** The JSON object the sandbox API returns for this message. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("wamid", wamid);
    json.put("phone", phone.digits());
    json.put("direction", direction == Direction.CUSTOMER ? "customer" : "business");
    json.put("origin", origin());
    json.put("customerName", customerName);
    json.put("type", content.type());
    json.put("text", content.summary());
    json.put("content", content.payload());
    json.put("replyTo", content.replyTo());
    json.put("timestamp", timestamp.toString());
    json.put("status", status.wireName());
    json.put("webhookNote", webhookNote);
    json.put("webhookFailed", webhookFailed);
    json.put("bridgeHttpStatus", bridgeHttpStatus);
    json.put("reactions", new LinkedHashMap<>(reactions));
    json.put("error", error);
    return json;
  }

  private String origin() {
    switch (direction) {
      case CUSTOMER:
        return "phone";
      case BUSINESS:
        return "graph-api";
      default:
        return "business-app";
    }
  }
}
