package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.Optional;

/** The {@code {"id":"..."}} answer of a Graph API create call (e.g. a media upload). */
public final class GraphObjectId {

  private GraphObjectId() {}

  /** The {@code id}, or empty when the body has none. */
  public static Optional<String> of(String body, JsonReaderFactory json) {
    try (JsonReader reader = json.createReader(new StringReader(body))) {
      if (!(reader.readValue() instanceof JsonObject answer)) {
        return Optional.empty();
      }
      return Optional.ofNullable(LenientJson.text(answer, "id"));
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
