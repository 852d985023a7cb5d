package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.Optional;

/**
 * The 200 answer to a send: {@code {"messaging_product":"whatsapp","contacts":[...],
 * "messages":[{"id":"wamid..."}]}}.
 */
public final class SendMessageResponse {

  private SendMessageResponse() {}

  /** The new message's {@code wamid} ({@code messages[0].id}), or empty if the body lacks it. */
  public static Optional<String> messageId(String body, JsonReaderFactory json) {
    try (JsonReader reader = json.createReader(new StringReader(body))) {
      if (!(reader.readValue() instanceof JsonObject response)) {
        return Optional.empty();
      }
      return LenientJson.objects(response, "messages").stream()
          .map(m -> LenientJson.string(m, "id"))
          .filter(id -> id != null && !id.isBlank())
          .findFirst();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
