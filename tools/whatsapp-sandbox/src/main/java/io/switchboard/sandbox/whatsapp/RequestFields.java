package io.switchboard.sandbox.whatsapp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Typed access to the fields of a Graph API request body, refusing a missing or malformed field
 * with code 100 and details naming it the way Meta does ({@code text['body']}).
 */
final class RequestFields {
  private RequestFields() {}

  /** {@code parent['field']} for error details. */
  static String path(String parent, String field) {
    return parent + "['" + field + "']";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> json, String field, String parent) {
    Object value = json.get(field);
    if (!(value instanceof Map)) {
      throw GraphRefusal.invalid(
          "The parameter " + path(parent, field) + " is required and must be an object");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> optionalObject(Map<String, Object> json, String field, String parent) {
    return json.get(field) == null ? null : object(json, field, parent);
  }

  static String text(Map<String, Object> json, String field, String parent, int maxLength) {
    Object value = json.get(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw GraphRefusal.invalid(
          "The parameter " + path(parent, field) + " is required and must be a non-empty string");
    }
    return checkLength(text, field, parent, maxLength);
  }

  static String optionalText(Map<String, Object> json, String field, String parent, int maxLength) {
    Object value = json.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw GraphRefusal.invalid("The parameter " + path(parent, field) + " must be a string");
    }
    return checkLength(text, field, parent, maxLength);
  }

  static BigDecimal number(Map<String, Object> json, String field, String parent) {
    Object value = json.get(field);
    if (value instanceof BigDecimal number) {
      return number;
    }
    if (value instanceof String text) {
      try {
        return new BigDecimal(text.trim()); // Meta accepts coordinates as strings too
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    throw GraphRefusal.invalid(
        "The parameter " + path(parent, field) + " is required and must be a number");
  }

  static List<?> list(Map<String, Object> json, String field, String parent, int min, int max) {
    Object value = json.get(field);
    if (!(value instanceof List<?> list) || list.size() < min || list.size() > max) {
      throw GraphRefusal.invalid(
          "The parameter "
              + path(parent, field)
              + " is required and must be an array of "
              + min
              + " to "
              + max
              + " elements");
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> element(Object value, String path) {
    if (!(value instanceof Map)) {
      throw GraphRefusal.invalid("Each element of " + path + " must be an object");
    }
    return (Map<String, Object>) value;
  }

  private static String checkLength(String text, String field, String parent, int maxLength) {
    if (text.length() > maxLength) {
      throw GraphRefusal.invalid(
          "The parameter " + path(parent, field) + " is longer than " + maxLength + " characters");
    }
    return text;
  }
}
