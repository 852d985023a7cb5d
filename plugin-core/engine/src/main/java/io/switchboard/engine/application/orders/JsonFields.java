package io.switchboard.engine.application.orders;

import io.switchboard.engine.domain.Money;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a JSON object and collects what is wrong with each, so that one answer names
 * every bad field instead of the first.
 */
final class JsonFields {
  private final List<FieldProblem> problems = new ArrayList<>();

  List<FieldProblem> problems() {
    return problems;
  }

  void problem(String field, String problem) {
    problems.add(new FieldProblem(field, problem));
  }

  /** A string, or {@code null} when absent; blank counts as absent. */
  String text(JsonObject o, String key, String path, int maxLength) {
    return text(o, key, path, maxLength, false);
  }

  /** A required id: a string, or a whole number taken as its digits. */
  String id(JsonObject o, String key, String path, int maxLength) {
    int before = problems.size();
    String s = text(o, key, path, maxLength, true);
    if (s == null && problems.size() == before) {
      problem(path, "is required");
    }
    return s;
  }

  private String text(
      JsonObject o, String key, String path, int maxLength, boolean wholeNumberToo) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    String s;
    if (v instanceof JsonString js) {
      s = js.getString().strip();
    } else if (wholeNumberToo && v instanceof JsonNumber n && n.isIntegral()) {
      s = n.bigIntegerValue().toString();
    } else {
      problem(path, "must be a string");
      return null;
    }
    if (s.length() > maxLength) {
      problem(path, "is longer than " + maxLength + " characters");
      return null;
    }
    return s.isEmpty() ? null : s;
  }

  String required(JsonObject o, String key, String path, int maxLength) {
    int before = problems.size();
    String s = text(o, key, path, maxLength);
    if (s == null && problems.size() == before) {
      problem(path, "is required");
    }
    return s;
  }

  /** An ISO-8601 time with an offset ({@code 2026-12-03T10:15:00Z}, {@code ...+04:00}). */
  Instant instant(JsonObject o, String key, String path, boolean required) {
    String s = required ? required(o, key, path, 64) : text(o, key, path, 64);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      problem(path, "is not an ISO-8601 time with an offset, e.g. 2026-12-03T10:15:00Z");
      return null;
    }
  }

  /** An ISO 4217 code in capitals ({@code AED}). */
  String currency(JsonObject o, String key, String path) {
    String s = required(o, key, path, 3);
    if (s != null && Money.currency(s).isEmpty()) {
      problem(path, "is not an ISO 4217 currency code in capitals, e.g. AED");
      return null;
    }
    return s;
  }

  /**
   * An amount of {@code currency}, given as a string ({@code "199.50"}, exact) or a JSON number:
   * not negative, with no more decimals than the currency has.
   */
  BigDecimal amount(JsonObject o, String key, String path, String currency) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    BigDecimal amount;
    try {
      if (v instanceof JsonNumber n) {
        amount = n.bigDecimalValue();
      } else if (v instanceof JsonString s) {
        amount = new BigDecimal(s.getString().strip());
      } else {
        problem(path, "must be a decimal number or a string holding one, e.g. \"199.50\"");
        return null;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      problem(path, "is not a decimal number, e.g. \"199.50\"");
      return null;
    }
    if (amount.signum() < 0) {
      problem(path, "must not be negative");
      return null;
    }
    if (amount.precision() - amount.scale() > 15) {
      problem(path, "is too large");
      return null;
    }
    if (currency != null && amount.stripTrailingZeros().scale() > Money.decimals(currency)) {
      problem(
          path, "has more decimals than " + currency + " has (" + Money.decimals(currency) + ")");
      return null;
    }
    return amount;
  }

  /** A whole number from 1 to {@code max}. */
  Integer count(JsonObject o, String key, String path, int max) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      problem(path, "is required");
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      problem(path, "must be a whole number");
      return null;
    }
    BigDecimal value = n.bigDecimalValue();
    if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      problem(path, "must be from 1 to " + max);
      return null;
    }
    return value.intValueExact();
  }
}
