package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * Tolerant reads from JSON-P values: a missing field or a field of an unexpected type reads as
 * absent, and ids Meta sometimes sends as numbers read as strings.
 */
public final class LenientJson {

  private LenientJson() {}

  /** A string field, also accepting a number (written without exponent); else {@code null}. */
  public static String string(JsonObject object, String key) {
    if (object == null) {
      return null;
    }
    JsonValue value = object.get(key);
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.isIntegral() ? n.bigIntegerValue().toString() : n.bigDecimalValue().toPlainString();
    }
    return null;
  }

  /** An object field, or {@code null}. */
  public static JsonObject object(JsonObject object, String key) {
    return object != null && object.get(key) instanceof JsonObject o ? o : null;
  }

  /** The objects of an array field; other elements are skipped; absent gives an empty list. */
  public static List<JsonObject> objects(JsonObject object, String key) {
    if (object == null || !(object.get(key) instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }

  /** A boolean field, {@code false} when absent or not a boolean. */
  public static boolean bool(JsonObject object, String key) {
    return object != null && object.get(key) == JsonValue.TRUE;
  }

  /**
   * A decimal field, exactly as written (a JSON number or a numeric string); {@code null} when
   * absent or not a number.
   */
  public static BigDecimal decimal(JsonObject object, String key) {
    if (object == null) {
      return null;
    }
    JsonValue value = object.get(key);
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (value instanceof JsonString s) {
      try {
        return new BigDecimal(s.getString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A string field that is present and not blank, else {@code null}. */
  public static String text(JsonObject object, String key) {
    String value = string(object, key);
    return value == null || value.isBlank() ? null : value;
  }
}
