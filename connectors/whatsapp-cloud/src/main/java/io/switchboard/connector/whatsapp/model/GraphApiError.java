package io.switchboard.connector.whatsapp.model;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.Optional;

/**
 * The error object of a failed Graph API call: {@code {"error":{"message":..., "type":...,
 * "code":131047, "error_subcode":..., "error_data":{"details":...}, "is_transient":...,
 * "fbtrace_id":...}}}.
 *
 * @param code Meta's error code (e.g. {@code 131047}), or {@code null}
 * @param subcode {@code error_subcode}, or {@code null}
 * @param type e.g. {@code OAuthException}, or {@code null}
 * @param message Meta's message, or {@code null}
 * @param details {@code error_data.details}, or {@code null}
 * @param transientError whether Meta flags it {@code is_transient}
 * @param fbtraceId Meta's trace id for support requests, or {@code null}
 */
public record GraphApiError(
    String code,
    String subcode,
    String type,
    String message,
    String details,
    boolean transientError,
    String fbtraceId) {

  /** Reads an error body; empty when it is not Meta's error format. */
  public static Optional<GraphApiError> parse(String body, JsonReaderFactory json) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = json.createReader(new StringReader(body))) {
      if (!(reader.readValue() instanceof JsonObject response)) {
        return Optional.empty();
      }
      JsonObject error = LenientJson.object(response, "error");
      if (error == null) {
        return Optional.empty();
      }
      return Optional.of(
          new GraphApiError(
              LenientJson.string(error, "code"),
              LenientJson.string(error, "error_subcode"),
              LenientJson.string(error, "type"),
              LenientJson.string(error, "message"),
              LenientJson.string(LenientJson.object(error, "error_data"), "details"),
              LenientJson.bool(error, "is_transient"),
              LenientJson.string(error, "fbtrace_id")));
    } catch (JsonException e) {
      return Optional.empty();
    }
  }

  /** Message and details in one readable sentence. */
  public String readable() {
    String text = message != null ? message : "no message";
    return details != null && !details.equals(message) ? text + ": " + details : text;
  }
}
