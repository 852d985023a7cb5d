package io.switchboard.bench.baseline;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * The few fields the baseline reads from a WhatsApp Cloud API webhook body: the first message's id,
 * sender and type ({@code entry[0].changes[0].value.messages[0]}).
 *
 * <pre>{@code
 * WebhookMessageSummary m = WebhookMessageSummary.parse(body); // m.messageId() == "wamid...."
 * }</pre>
 */
public record WebhookMessageSummary(String messageId, String sender, String type) {
  // One factory for all requests: Json.createReader() looks the provider up with ServiceLoader on
  // every call, which the floor should not pay (the WhatsApp connector caches its factory too).
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  /**
   * Parses a raw body.
   *
   * @throws IllegalArgumentException when the body is not JSON or holds no message with an id
   */
  public static WebhookMessageSummary parse(byte[] body) {
    JsonObject root;
    try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("body is not a JSON object: " + e.getMessage(), e);
    }
    JsonObject message =
        first(root, "entry")
            .map(entry -> first(entry, "changes").orElse(null))
            .map(change -> change.getJsonObject("value"))
            .flatMap(value -> first(value, "messages"))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no entry[0].changes[0].value.messages[0] in the body"));
    String id = message.getString("id", null);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("messages[0] has no id");
    }
    return new WebhookMessageSummary(
        id, message.getString("from", null), message.getString("type", null));
  }

  private static java.util.Optional<JsonObject> first(JsonObject parent, String name) {
    if (parent == null) {
      return java.util.Optional.empty();
    }
    JsonValue value = parent.get(name);
    if (!(value instanceof JsonArray array)
        || array.isEmpty()
        || !(array.get(0) instanceof JsonObject object)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(object);
  }
}
