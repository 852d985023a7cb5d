package io.switchboard.testkit.channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds WhatsApp Cloud API webhook bodies ({@code object: whatsapp_business_account}) shaped like
 * the ones Meta sends, for tests that need a body rather than parsed events (ingest, deduplication,
 * signatures). Values are fake (1555/1650555 numbers).
 *
 * <pre>{@code
 * byte[] body = WhatsAppWebhookBuilder.forPhoneNumberId("106540352242922")
 *     .text("wamid.A1", "16505551234", "Sheena Nelson", "Hello", Instant.ofEpochSecond(1749416383))
 *     .status("wamid.OUT0001", "read", "16505551234", Instant.ofEpochSecond(1749416400))
 *     .toBytes();
 * }</pre>
 */
public final class WhatsAppWebhookBuilder {

  private final String phoneNumberId;
  private final String wabaId;
  private final List<String> contacts = new ArrayList<>();
  private final List<String> messages = new ArrayList<>();
  private final List<String> statuses = new ArrayList<>();

  private WhatsAppWebhookBuilder(String phoneNumberId, String wabaId) {
    this.phoneNumberId = phoneNumberId;
    this.wabaId = wabaId;
  }

  /** A body for one business phone number (its {@code metadata.phone_number_id}). */
  public static WhatsAppWebhookBuilder forPhoneNumberId(String phoneNumberId) {
    return new WhatsAppWebhookBuilder(phoneNumberId, "419561257915477");
  }

  /** Adds an inbound text message and its sender's contact entry. */
  public WhatsAppWebhookBuilder text(
      String wamid, String waId, String profileName, String body, Instant sentAt) {
    contact(waId, profileName);
    messages.add(
        "{\"from\":"
            + quote(waId)
            + ",\"id\":"
            + quote(wamid)
            + ",\"timestamp\":"
            + quote(Long.toString(sentAt.getEpochSecond()))
            + ",\"type\":\"text\",\"text\":{\"body\":"
            + quote(body)
            + "}}");
    return this;
  }

  /**
   * Adds an inbound message given as its JSON object (any type, e.g. an image or an unknown future
   * type); the caller is responsible for its shape.
   */
  public WhatsAppWebhookBuilder messageJson(String messageObjectJson) {
    messages.add(messageObjectJson);
    return this;
  }

  /** Adds a status of one of our messages: {@code sent}, {@code delivered} or {@code read}. */
  public WhatsAppWebhookBuilder status(String wamid, String status, String waId, Instant at) {
    statuses.add(
        "{\"id\":"
            + quote(wamid)
            + ",\"status\":"
            + quote(status)
            + ",\"timestamp\":"
            + quote(Long.toString(at.getEpochSecond()))
            + ",\"recipient_id\":"
            + quote(waId)
            + "}");
    return this;
  }

  /** Adds a {@code failed} status with Meta's error object (e.g. 131047). */
  public WhatsAppWebhookBuilder failedStatus(
      String wamid, String waId, Instant at, int code, String title) {
    statuses.add(
        "{\"id\":"
            + quote(wamid)
            + ",\"status\":\"failed\",\"timestamp\":"
            + quote(Long.toString(at.getEpochSecond()))
            + ",\"recipient_id\":"
            + quote(waId)
            + ",\"errors\":[{\"code\":"
            + code
            + ",\"title\":"
            + quote(title)
            + ",\"message\":"
            + quote(title)
            + "}]}");
    return this;
  }

  /** The body as Meta would send it (compact JSON, UTF-8). */
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
        + quote(wabaId)
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

  /** A JSON string literal; escapes what JSON requires and leaves other characters as UTF-8. */
  static String quote(String text) {
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
