package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.string;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import io.switchboard.connector.whatsapp.model.UnreadablePartException;
import io.switchboard.connector.whatsapp.model.WebhookChange;
import io.switchboard.spi.channel.TemplateUpdate;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the template fields of a WhatsApp Business Account (account id = the entry's {@code id},
 * the WABA id) into {@link TemplateUpdate}s, after Meta's webhook reference:
 *
 * <ul>
 *   <li>{@code message_template_status_update}: STATUS, {@code event} as value (APPROVED, REJECTED,
 *       PAUSED, DISABLED, ...), with {@code reason}, {@code rejection_info} or {@code other_info}
 *       as reason;
 *   <li>{@code template_category_update}: CATEGORY, {@code new_category} (the category now); an
 *       impending change names {@code correct_category} and its date in the reason;
 *   <li>{@code message_template_quality_update}: QUALITY, {@code new_quality_score}.
 * </ul>
 *
 * The event key is the entry's {@code time}, so a redelivery is a duplicate while a later change to
 * the same value is not.
 */
final class TemplateUpdateReader {

  private TemplateUpdateReader() {}

  static TemplateUpdate read(WebhookChange change) throws UnreadablePartException {
    if (change.entryId() == null) {
      throw new UnreadablePartException("the entry has no \"id\" (WhatsApp Business Account id)");
    }
    JsonObject value = change.value();
    TemplateUpdate.Change kind;
    String newValue;
    String reason;
    switch (change.field()) {
      case "message_template_status_update" -> {
        kind = TemplateUpdate.Change.STATUS;
        newValue = upper(text(value, "event"));
        reason = statusReason(value);
      }
      case "template_category_update" -> {
        kind = TemplateUpdate.Change.CATEGORY;
        newValue = upper(text(value, "new_category"));
        reason = categoryReason(value);
      }
      default -> {
        kind = TemplateUpdate.Change.QUALITY;
        newValue = upper(text(value, "new_quality_score"));
        String previous = text(value, "previous_quality_score");
        reason = previous == null ? null : "quality was " + previous;
      }
    }
    if (newValue == null) {
      throw new UnreadablePartException(change.field() + " names no new value");
    }
    String templateId = string(value, "message_template_id");
    String name = text(value, "message_template_name");
    if (templateId == null && name == null) {
      throw new UnreadablePartException(change.field() + " names no template");
    }
    return new TemplateUpdate(
        change.entryId(),
        templateId,
        name,
        text(value, "message_template_language"),
        kind,
        newValue,
        reason,
        change.entryTime() != null ? change.entryTime() : UnreadableParts.digest(value.toString()),
        value.toString());
  }

  private static String statusReason(JsonObject value) {
    List<String> parts = new ArrayList<>();
    String reason = text(value, "reason");
    if (reason != null && !"NONE".equalsIgnoreCase(reason)) {
      parts.add(reason);
    }
    JsonObject rejection = object(value, "rejection_info");
    addIfPresent(parts, text(rejection, "reason"));
    addIfPresent(parts, text(rejection, "recommendation"));
    JsonObject other = object(value, "other_info");
    addIfPresent(parts, text(other, "title"));
    addIfPresent(parts, text(other, "description"));
    return parts.isEmpty() ? null : String.join(": ", parts);
  }

  private static String categoryReason(JsonObject value) {
    String correct = text(value, "correct_category");
    if (correct != null) {
      String when = text(value, "category_update_timestamp");
      return "WhatsApp will recategorise it as "
          + upper(correct)
          + (when == null ? "" : " at " + instant(when));
    }
    String previous = text(value, "previous_category");
    return previous == null ? null : "category was " + upper(previous);
  }

  private static String instant(String epochSeconds) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(epochSeconds.trim())).toString();
    } catch (NumberFormatException e) {
      return epochSeconds;
    }
  }

  private static void addIfPresent(List<String> parts, String value) {
    if (value != null) {
      parts.add(value);
    }
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
