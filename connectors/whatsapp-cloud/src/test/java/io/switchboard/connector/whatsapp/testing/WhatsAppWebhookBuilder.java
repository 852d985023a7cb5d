package io.switchboard.connector.whatsapp.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds WhatsApp Cloud API webhook bodies ({@code object: whatsapp_business_account}) shaped like
 * the ones Meta sends (compact JSON, UTF-8), for tests that need a body rather than parsed events:
 * ingest, deduplication, signatures, benchmarks. Values are fake (1555/1650555 numbers).
 *
 * <p>One event per body:
 *
 * <pre>{@code
 * String body = WhatsAppWebhookBuilder.textMessage("106540352242922", "16505551234",
 *     "Sheena Nelson", WhatsAppWebhookBuilder.uniqueWamid(), "Hello", 1749416383L);
 * String read = WhatsAppWebhookBuilder.statusUpdate("106540352242922", "wamid.OUT0001",
 *     "16505551234", "read", 1749416400L);
 * }</pre>
 *
 * <p>Batches (several messages and statuses in one delivery, as Meta does under load):
 *
 * <pre>{@code
 * byte[] body = WhatsAppWebhookBuilder.forPhoneNumberId("106540352242922")
 *     .text("wamid.A1", "16505551234", "Sheena Nelson", "Hello", 1749416383L)
 *     .text("wamid.A2", "16505551234", "Sheena Nelson", "Anyone there?", 1749416390L)
 *     .status("wamid.OUT0001", "delivered", "16505551234", 1749416400L)
 *     .toBytes();
 * }</pre>
 */
public final class WhatsAppWebhookBuilder {

  /** The WhatsApp Business Account id used in {@code entry[].id}. */
  public static final String DEFAULT_WABA_ID = "419561257915477";

  private final String phoneNumberId;
  private final List<String> contacts = new ArrayList<>();
  private final List<String> messages = new ArrayList<>();
  private final List<String> statuses = new ArrayList<>();

  private WhatsAppWebhookBuilder(String phoneNumberId) {
    this.phoneNumberId = phoneNumberId;
  }

  /** A batch builder for one business phone number (its {@code metadata.phone_number_id}). */
  public static WhatsAppWebhookBuilder forPhoneNumberId(String phoneNumberId) {
    return new WhatsAppWebhookBuilder(phoneNumberId);
  }

  /** A fresh, unique message id in WhatsApp's {@code wamid.} form. */
  public static String uniqueWamid() {
    return "wamid.TEST" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
  }

  /** A body with one inbound text message from {@code waId}. */
  public static String textMessage(
      String phoneNumberId,
      String waId,
      String profileName,
      String wamid,
      String text,
      long epochSeconds) {
    return forPhoneNumberId(phoneNumberId)
        .text(wamid, waId, profileName, text, epochSeconds)
        .toJson();
  }

  /**
   * A body with one status of a message we sent: {@code sent}, {@code delivered}, {@code read} (or
   * any other value, to test unknown statuses).
   */
  public static String statusUpdate(
      String phoneNumberId, String wamid, String recipientWaId, String status, long epochSeconds) {
    return forPhoneNumberId(phoneNumberId)
        .status(wamid, status, recipientWaId, epochSeconds)
        .toJson();
  }

  /** A body with one {@code failed} status carrying Meta's error (e.g. 131047). */
  public static String failedStatus(
      String phoneNumberId,
      String wamid,
      String recipientWaId,
      int errorCode,
      String errorTitle,
      long epochSeconds) {
    return forPhoneNumberId(phoneNumberId)
        .failedStatus(wamid, recipientWaId, errorCode, errorTitle, epochSeconds)
        .toJson();
  }

  /** Adds an inbound text message and its sender's contact entry. */
  public WhatsAppWebhookBuilder text(
      String wamid, String waId, String profileName, String body, long epochSeconds) {
    contact(waId, profileName);
    messages.add(
        "{\"from\":"
            + quote(waId)
            + ",\"id\":"
            + quote(wamid)
            + ",\"timestamp\":"
            + quote(Long.toString(epochSeconds))
            + ",\"type\":\"text\",\"text\":{\"body\":"
            + quote(body)
            + "}}");
    return this;
  }

  /**
   * Adds an inbound message of any type given as its JSON object (an image, a type WhatsApp adds in
   * future, ...) and its sender's contact entry; the caller is responsible for its shape.
   */
  public WhatsAppWebhookBuilder message(String waId, String profileName, String messageJson) {
    contact(waId, profileName);
    messages.add(messageJson);
    return this;
  }

  /**
   * Adds a contact entry as given (e.g. a business-scoped user without {@code wa_id}: {@code
   * {"profile":{"name":"Kerry"},"user_id":"US.1349...","username":"kerry.f"}}).
   */
  public WhatsAppWebhookBuilder contactJson(String contactJson) {
    contacts.add(contactJson);
    return this;
  }

  /** Adds a message object as given, without a contact entry. */
  public WhatsAppWebhookBuilder messageJson(String messageJson) {
    messages.add(messageJson);
    return this;
  }

  /** Adds a status object as given (to test statuses of odd or broken shapes). */
  public WhatsAppWebhookBuilder statusJson(String statusJson) {
    statuses.add(statusJson);
    return this;
  }

  /** Adds a status of one of our messages. */
  public WhatsAppWebhookBuilder status(
      String wamid, String status, String recipientWaId, long epochSeconds) {
    statuses.add(
        "{\"id\":"
            + quote(wamid)
            + ",\"status\":"
            + quote(status)
            + ",\"timestamp\":"
            + quote(Long.toString(epochSeconds))
            + ",\"recipient_id\":"
            + quote(recipientWaId)
            + "}");
    return this;
  }

  /** Adds a {@code failed} status with Meta's error object. */
  public WhatsAppWebhookBuilder failedStatus(
      String wamid, String recipientWaId, int errorCode, String errorTitle, long epochSeconds) {
    statuses.add(
        "{\"id\":"
            + quote(wamid)
            + ",\"status\":\"failed\",\"timestamp\":"
            + quote(Long.toString(epochSeconds))
            + ",\"recipient_id\":"
            + quote(recipientWaId)
            + ",\"errors\":[{\"code\":"
            + errorCode
            + ",\"title\":"
            + quote(errorTitle)
            + ",\"message\":"
            + quote(errorTitle)
            + "}]}");
    return this;
  }

  /** The body as Meta would send it. */
  public String toJson() {
    StringBuilder value = new StringBuilder();
    value.append("{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":");
    value.append(quote("15550783881")).append(",\"phone_number_id\":");
    value.append(quote(phoneNumberId)).append('}');
    if (!contacts.isEmpty()) {
      value.append(",\"contacts\":[").append(String.join(",", contacts)).append(']');
    }
    if (!messages.isEmpty()) {
      value.append(",\"messages\":[").append(String.join(",", messages)).append(']');
    }
    if (!statuses.isEmpty()) {
      value.append(",\"statuses\":[").append(String.join(",", statuses)).append(']');
    }
    value.append('}');
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":"
        + quote(DEFAULT_WABA_ID)
        + ",\"changes\":[{\"value\":"
        + value
        + ",\"field\":\"messages\"}]}]}";
  }

  /** {@link #toJson()} as the raw bytes a webhook carries. */
  public byte[] toBytes() {
    return toJson().getBytes(StandardCharsets.UTF_8);
  }

  private void contact(String waId, String profileName) {
    String entry =
        "{\"profile\":{\"name\":" + quote(profileName) + "},\"wa_id\":" + quote(waId) + "}";
    if (!contacts.contains(entry)) {
      contacts.add(entry);
    }
  }

  /** A JSON string literal: escapes what JSON requires, leaves other characters as they are. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
