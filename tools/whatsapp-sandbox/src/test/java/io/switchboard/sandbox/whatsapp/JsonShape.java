package io.switchboard.sandbox.whatsapp;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a JSON document: every path with the type found there, e.g. {@code
 * entry[].changes[].value.messages[].text.body: STRING}. Two documents with the same shape have the
 * same fields, nesting and value types, whatever the values.
 */
final class JsonShape {
  private JsonShape() {}

  static Set<String> of(JsonValue value) {
    Set<String> paths = new TreeSet<>();
    collect("", value, paths);
    return paths;
  }

  static JsonObject contractSample(String file) {
    try (InputStream in =
        JsonShape.class.getResourceAsStream("/contracts/whatsapp-cloud/" + file)) {
      return SandboxHarness.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(String path, JsonValue value, Set<String> paths) {
    switch (value.getValueType()) {
      case OBJECT -> {
        for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
          collect(
              path.isEmpty() ? member.getKey() : path + "." + member.getKey(),
              member.getValue(),
              paths);
        }
      }
      case ARRAY -> {
        for (JsonValue element : (JsonArray) value) {
          collect(path + "[]", element, paths);
        }
      }
      case TRUE, FALSE -> paths.add(path + ": BOOLEAN");
      default -> paths.add(path + ": " + value.getValueType());
    }
  }
}
