package io.switchboard.sandbox.whatsapp;

import io.switchboard.sandbox.whatsapp.json.JsonWriter;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the webhook bodies Meta sends for a WhatsApp Business Account: inbound messages of every
 * type (shapes of the contract samples {@code inbound-*.json}), the statuses of outbound ones
 * ({@code status-*.json}), coexistence echoes ({@code smb_message_echoes}) and template status
 * updates ({@code message_template_status_update}).
 */
public final class WhatsAppWebhookPayloads {
  private final SandboxConfig config;
  private final SecureRandom random = new SecureRandom();
  private final Map<WaId, String> conversationIds = new ConcurrentHashMap<>();

  /** Creates the writer for the business number described by {@code config}. */
  public WhatsAppWebhookPayloads(SandboxConfig config) {
    this.config = config;
  }

  /**
   * The webhook announcing a message the customer sent.
   *
   * @param context the quoted message ({@code {"from":..., "id":...}}), or null
   * @param referral the click-to-WhatsApp ad the customer came from, or null
   */
  public String inboundMessage(
      ChatMessage message, Map<String, Object> context, Map<String, Object> referral) {
    Map<String, Object> value = valueHeader();
    value.put(
        "contacts",
        List.of(
            object(
                "profile", object("name", message.customerName()),
                "wa_id", message.phone().digits())));
    Map<String, Object> item = new LinkedHashMap<>();
    if (context != null) {
      item.put("context", context);
    }
    if (referral != null) {
      item.put("referral", referral);
    }
    item.put("from", message.phone().digits());
    item.put("id", message.wamid());
    item.put("timestamp", epochSeconds(message.timestamp()));
    item.put("type", message.content().type());
    item.put(message.content().type(), typeValue(message.content()));
    value.put("messages", List.of(item));
    return envelope(value, "messages");
  }

  /** The webhook announcing that a business message reached {@code status} at {@code at}. */
  public String status(ChatMessage message, MessageStatus status, Instant at) {
    Map<String, Object> statusJson = statusHeader(message, status, at);
    String category = pricingCategory(message);
    // Conversation and pricing on every status, as in the contract samples status-*.json.
    statusJson.put(
        "conversation",
        object(
            "id", conversationIds.computeIfAbsent(message.phone(), p -> newConversationId()),
            "origin", object("type", category)));
    statusJson.put(
        "pricing", object("billable", true, "pricing_model", "PMP", "category", category));
    return statuses(statusJson);
  }

  /** The {@code failed} status of a business message, with Meta's error and a pricing object. */
  public String failedStatus(ChatMessage message, WhatsAppErrorCatalog.Entry error, Instant at) {
    Map<String, Object> statusJson = statusHeader(message, MessageStatus.FAILED, at);
    statusJson.put("errors", List.of(error.toStatusError()));
    statusJson.put(
        "pricing",
        object("billable", false, "pricing_model", "PMP", "category", pricingCategory(message)));
    return statuses(statusJson);
  }

  /** The coexistence echo of a message the business sent from its WhatsApp Business app. */
  public String businessAppEcho(ChatMessage message) {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("from", config.displayPhoneNumber());
    echo.put("to", message.phone().digits());
    echo.put("id", message.wamid());
    echo.put("timestamp", epochSeconds(message.timestamp()));
    echo.put("type", message.content().type());
    echo.put(message.content().type(), typeValue(message.content()));
    Map<String, Object> value = valueHeader();
    value.put("message_echoes", List.of(echo));
    return envelope(value, "smb_message_echoes");
  }

  /** The webhook saying a template's review status changed. */
  public String templateStatus(MessageTemplate template, String reason) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("event", template.status());
    value.put("message_template_id", numberOrText(template.id()));
    value.put("message_template_name", template.name());
    value.put("message_template_language", template.language());
    value.put("reason", reason);
    return envelope(value, "message_template_status_update");
  }

  /** What Meta bills a business message as: the template's category, else {@code service}. */
  static String pricingCategory(ChatMessage message) {
    Object category = message.content().payload().get("category");
    return "template".equals(message.content().type()) && category != null
        ? category.toString().toLowerCase(Locale.ROOT)
        : "service";
  }

  /**
   * What the webhook carries under the type's name: the payload minus the sandbox's display fields
   * ({@code sandbox_*}); for {@code contacts}, the array itself.
   */
  private static Object typeValue(MessageContent content) {
    if ("contacts".equals(content.type())) {
      return content.payload().get("contacts");
    }
    Map<String, Object> payload = new LinkedHashMap<>(content.payload());
    payload.keySet().removeIf(key -> key.startsWith("sandbox_"));
    return payload;
  }

  private Map<String, Object> statusHeader(ChatMessage message, MessageStatus status, Instant at) {
    Map<String, Object> statusJson = new LinkedHashMap<>();
    statusJson.put("id", message.wamid());
    statusJson.put("status", status.wireName());
    statusJson.put("timestamp", epochSeconds(at));
    statusJson.put("recipient_id", message.phone().digits());
    return statusJson;
  }

  private String statuses(Map<String, Object> statusJson) {
    Map<String, Object> value = valueHeader();
    value.put("statuses", List.of(statusJson));
    return envelope(value, "messages");
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

  private String envelope(Map<String, Object> value, String field) {
    Map<String, Object> change = object("value", value, "field", field);
    Map<String, Object> entry = object("id", config.wabaId(), "changes", List.of(change));
    return JsonWriter.write(object("object", "whatsapp_business_account", "entry", List.of(entry)));
  }

  private String newConversationId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Object numberOrText(String id) {
    return id.matches("[0-9]{1,18}") ? new BigDecimal(id) : id;
  }

  private static String epochSeconds(Instant instant) {
    return Long.toString(instant.getEpochSecond());
  }

  /** An insertion-ordered JSON object from name/value pairs. */
  static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }
}
