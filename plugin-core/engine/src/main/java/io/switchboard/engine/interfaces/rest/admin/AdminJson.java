package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.spi.InvalidConfigurationException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Collection;
import java.util.function.Function;

/** JSON writing shared by the admin views, and the admin API's problem answers. */
final class AdminJson {
  private AdminJson() {}

  static JsonObjectBuilder object() {
    return EngineJson.PROVIDER.createObjectBuilder();
  }

  static <T> JsonArrayBuilder array(Collection<T> items, Function<T, JsonObject> toJson) {
    JsonArrayBuilder out = EngineJson.PROVIDER.createArrayBuilder();
    items.forEach(i -> out.add(toJson.apply(i)));
    return out;
  }

  /** Adds {@code value} as a string, or JSON null: every field is always present. */
  static JsonObjectBuilder nullable(JsonObjectBuilder b, String key, Object value) {
    return value == null ? b.addNull(key) : b.add(key, value.toString());
  }

  /** A string member of a request body, or {@code null} when absent or not a string. */
  static String text(JsonObject body, String key) {
    return body.get(key) instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  /**
   * JSON stored as text (content, referral) as a JSON value, or JSON null when absent or
   * unreadable; a referral stored as a JSON string holding the object is unwrapped.
   */
  static JsonValue parsedOrNull(String json) {
    if (json == null || json.isBlank()) {
      return JsonValue.NULL;
    }
    try (var reader = EngineJson.PROVIDER.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject o) {
        JsonObjectBuilder b = EngineJson.PROVIDER.createObjectBuilder(o);
        if (o.get("referral") instanceof JsonString inner) {
          b.add("referral", parsedOrNull(inner.getString()));
        }
        return b.build();
      }
      return value;
    } catch (JsonException | IllegalStateException e) {
      return JsonValue.NULL;
    }
  }

  static JsonObject parse(String json) {
    return EngineJson.PROVIDER.createReader(new StringReader(json)).readObject();
  }

  static Response notFound(String detail) {
    return Problem.of(404, "not-found", "No such item").withDetail(detail).toResponse();
  }

  static Response invalid(InvalidConfigurationException e) {
    JsonArrayBuilder problems = EngineJson.PROVIDER.createArrayBuilder();
    e.problems().forEach(problems::add);
    return Problem.of(400, "invalid-configuration", "Invalid configuration")
        .withDetail("invalid configuration: " + String.join("; ", e.problems()))
        .with("problems", problems.build())
        .toResponse();
  }
}
