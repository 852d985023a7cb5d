package io.switchboard.crm.requesttracker.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lenient reads of RT's JSON: RT sends numbers as strings, references as objects, and nulls. */
public final class RtJson {
  /**
   * The JSON-P provider, looked up once: {@code Json.createXxx()} runs a ServiceLoader lookup of
   * the provider on every call (costly in an application server's class loaders).
   */
  public static final JsonProvider JSON = JsonProvider.provider();

  private RtJson() {}

  /** A field of the first item of an RT search page ({@code {"items":[...]}}), if any. */
  public static Optional<String> firstItem(JsonObject page, String key) {
    JsonArray items = page == null ? null : page.getJsonArray("items");
    return items == null || items.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(text(items.getJsonObject(0), key));
  }

  /** A value as text: strings as is, numbers as digits, references by their {@code id}. */
  public static String text(JsonObject object, String key) {
    if (object == null) {
      return null;
    }
    return text(object.get(key));
  }

  public static String text(JsonValue value) {
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
      case TRUE -> "true";
      case FALSE -> "false";
      case OBJECT -> text(value.asJsonObject(), "id");
      default -> null;
    };
  }

  /** Non-blank text or {@code null}. */
  public static String nonBlank(JsonObject object, String key) {
    String text = text(object, key);
    return text == null || text.isBlank() ? null : text;
  }

  /** A list of texts: a JSON array of strings or references, or a single value. */
  public static List<String> texts(JsonObject object, String key) {
    JsonValue value = object == null ? null : object.get(key);
    List<String> result = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        String text = text(item);
        if (text != null) {
          result.add(text);
        }
      }
    } else {
      String text = text(value);
      if (text != null) {
        result.add(text);
      }
    }
    return result;
  }

  /**
   * RT's custom fields in either shape: REST2's {@code [{"name":..,"values":[..]}]} or the
   * webhook's {@code {"name": value-or-array}}.
   */
  public static Map<String, List<String>> customFields(JsonValue value) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonObject field && text(field, "name") != null) {
          result.put(text(field, "name"), texts(field, "values"));
        }
      }
    } else if (value instanceof JsonObject object) {
      for (String name : object.keySet()) {
        result.put(name, texts(object, name));
      }
    }
    return result;
  }
}
