package io.switchboard.engine.application.connections;

import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flat string maps to JSON text and back, for stored connection configuration. */
final class ConnectionConfigCodec {
  private ConnectionConfigCodec() {}

  static String write(Map<String, String> values) {
    JsonObjectBuilder builder = EngineJson.PROVIDER.createObjectBuilder();
    values.forEach(builder::add);
    return builder.build().toString();
  }

  static Map<String, String> read(String json) {
    Map<String, String> values = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return values;
    }
    try (JsonReader reader = EngineJson.PROVIDER.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      for (Map.Entry<String, JsonValue> e : object.entrySet()) {
        if (e.getValue() instanceof JsonString s) {
          values.put(e.getKey(), s.getString());
        }
      }
    }
    return values;
  }
}
