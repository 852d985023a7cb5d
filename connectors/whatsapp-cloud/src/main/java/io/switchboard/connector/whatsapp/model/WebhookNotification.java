package io.switchboard.connector.whatsapp.model;

import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.string;

import io.switchboard.spi.MalformedPayloadException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A WhatsApp webhook POST body ({@code object: whatsapp_business_account}), read leniently: unknown
 * fields are ignored, changes of fields this connector does not read (account updates, groups, ...)
 * are skipped. Only what makes the whole body unusable is an error: not JSON, not an object,
 * another {@code object} kind, no {@code entry} array. Entries, changes, messages and statuses of
 * the wrong shape are handed on as they are, for the parser to report one by one.
 *
 * @param changes the changes of the {@link #FIELDS} of all entries, in body order
 * @param badEntries entries, or changes of those fields, that are not objects: position and JSON
 */
public record WebhookNotification(List<WebhookChange> changes, List<BadPart> badEntries) {

  /** The value of {@code object} in WhatsApp Business Account webhooks. */
  public static final String OBJECT_KIND = "whatsapp_business_account";

  /** The webhook fields this connector reads; others give no events. */
  public static final Set<String> FIELDS =
      Set.of(
          "messages",
          "smb_message_echoes",
          "history",
          "message_template_status_update",
          "template_category_update",
          "message_template_quality_update");

  /**
   * A part of the body that is not even shaped like an entry or a change.
   *
   * @param path e.g. {@code entry[2]}
   * @param key a short position key for dedupe keys, e.g. {@code 2:entry}
   * @param json the part as received
   */
  public record BadPart(String path, String key, JsonValue json) {}

  public WebhookNotification {
    changes = List.copyOf(changes);
    badEntries = List.copyOf(badEntries);
  }

  /**
   * Reads a raw body.
   *
   * @throws MalformedPayloadException when the body as a whole is not a WhatsApp webhook
   */
  public static WebhookNotification read(byte[] body, JsonReaderFactory json)
      throws MalformedPayloadException {
    if (body == null || body.length == 0) {
      throw new MalformedPayloadException(
          "empty body: expected a WhatsApp webhook JSON object", null);
    }
    JsonValue root;
    try (JsonReader reader = json.createReader(new ByteArrayInputStream(body))) {
      root = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedPayloadException("body is not JSON: " + e.getMessage(), e);
    }
    if (!(root instanceof JsonObject envelope)) {
      throw new MalformedPayloadException(
          "body is JSON "
              + Objects.requireNonNullElse(root, JsonValue.NULL).getValueType().name().toLowerCase()
              + ", expected an object",
          null);
    }
    String kind = string(envelope, "object");
    if (kind != null && !OBJECT_KIND.equals(kind)) {
      throw new MalformedPayloadException(
          "object is \"" + kind + "\", expected \"" + OBJECT_KIND + "\"", null);
    }
    if (!(envelope.get("entry") instanceof JsonArray entries)) {
      throw new MalformedPayloadException("body has no \"entry\" array", null);
    }
    List<WebhookChange> changes = new ArrayList<>();
    List<BadPart> bad = new ArrayList<>();
    for (int e = 0; e < entries.size(); e++) {
      if (!(entries.get(e) instanceof JsonObject entry)) {
        bad.add(new BadPart("entry[" + e + "]", e + ":entry", entries.get(e)));
        continue;
      }
      if (!(entry.get("changes") instanceof JsonArray entryChanges)) {
        continue;
      }
      for (int c = 0; c < entryChanges.size(); c++) {
        JsonValue element = entryChanges.get(c);
        JsonObject change = element instanceof JsonObject o ? o : null;
        String field = string(change, "field");
        if (change == null || field == null || !FIELDS.contains(field)) {
          continue; // other fields (account updates, groups, ...) carry nothing we read
        }
        JsonObject value = object(change, "value");
        if (value == null) {
          bad.add(new BadPart("entry[" + e + "].changes[" + c + "]", e + ":" + c, change));
          continue;
        }
        changes.add(
            new WebhookChange(
                e,
                c,
                field,
                LenientJson.text(entry, "id"),
                LenientJson.text(entry, "time"),
                value));
      }
    }
    return new WebhookNotification(changes, bad);
  }
}
