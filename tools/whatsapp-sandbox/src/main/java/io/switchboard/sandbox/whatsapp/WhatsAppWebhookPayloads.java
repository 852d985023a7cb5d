package io.switchboard.sandbox.whatsapp;

import io.switchboard.sandbox.whatsapp.json.JsonWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the webhook bodies Meta sends for a WhatsApp Business Account: an inbound text message and
 * the {@code sent}/{@code delivered}/{@code read} statuses of an outbound one, in the shape of the
 * contract samples {@code inbound-text-message.json} and {@code status-*.json}.
 */
public final class WhatsAppWebhookPayloads {
  private final SandboxConfig config;
  private final SecureRandom random = new SecureRandom();
  private final Map<WaId, String> conversationIds = new ConcurrentHashMap<>();

  /** Creates the writer for the business number described by {@code config}. */
  public WhatsAppWebhookPayloads(SandboxConfig config) {
    this.config = config;
  }

  /** The webhook announcing a text the customer typed. */
  public String inboundText(ChatMessage message) {
    Map<String, Object> value = valueHeader();
    value.put(
        "contacts",
        List.of(
            object(
                "profile", object("name", message.customerName()),
                "wa_id", message.phone().digits())));
    value.put(
        "messages",
        List.of(
            object(
                "from", message.phone().digits(),
                "id", message.wamid(),
                "timestamp", epochSeconds(message.timestamp()),
                "type", "text",
                "text", object("body", message.text()))));
    return envelope(value);
  }

  /** The webhook announcing that a business message reached {@code status} at {@code at}. */
  public String status(ChatMessage message, MessageStatus status, Instant at) {
    Map<String, Object> statusJson = new LinkedHashMap<>();
    statusJson.put("id", message.wamid());
    statusJson.put("status", status.wireName());
    statusJson.put("timestamp", epochSeconds(at));
    statusJson.put("recipient_id", message.phone().digits());
    // Conversation and pricing on every status, as in the contract samples status-*.json.
    statusJson.put(
        "conversation",
        object(
            "id", conversationIds.computeIfAbsent(message.phone(), p -> newConversationId()),
            "origin", object("type", "service")));
    statusJson.put(
        "pricing", object("billable", true, "pricing_model", "PMP", "category", "service"));
    Map<String, Object> value = valueHeader();
    value.put("statuses", List.of(statusJson));
    return envelope(value);
  }

  private Map<String, Object> valueHeader() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("messaging_product", "whatsapp");
    value.put(
        "metadata",
        object(
            "display_phone_number", config.displayPhoneNumber(),
            "phone_number_id", config.phoneNumberId()));
    return value;
  }

  private String envelope(Map<String, Object> value) {
    Map<String, Object> change = object("value", value, "field", "messages");
    Map<String, Object> entry = object("id", config.wabaId(), "changes", List.of(change));
    return JsonWriter.write(object("object", "whatsapp_business_account", "entry", List.of(entry)));
  }

  private String newConversationId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String epochSeconds(Instant instant) {
    return Long.toString(instant.getEpochSecond());
  }

  /** An insertion-ordered JSON object from name/value pairs. */
  private static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }
}
