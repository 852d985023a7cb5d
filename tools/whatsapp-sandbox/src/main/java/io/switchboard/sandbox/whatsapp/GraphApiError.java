package io.switchboard.sandbox.whatsapp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer in the Graph API's shape: {@code {"error":{"message":..., "type":..., "code":...,
 * "error_data":{"messaging_product":"whatsapp","details":...}, "fbtrace_id":...}}}.
 *
 * @param httpStatus the HTTP status to answer with
 * @param details the WhatsApp-specific explanation (in {@code error_data.details}), or null
 */
public record GraphApiError(
    int httpStatus, String message, String type, int code, Integer subcode, String details) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Code 190: missing, malformed or wrong access token (HTTP 401). */
  public static GraphApiError invalidAccessToken(String why) {
    return new GraphApiError(401, why, "OAuthException", 190, null, null);
  }

  /**
   * Code 190 subcode 463, as Meta answers once a token expired or was revoked (HTTP 401); the
   * sandbox answers it while the {@code revokeToken} fault is on.
   */
  public static GraphApiError sessionExpired(java.time.Instant now) {
    return new GraphApiError(
        401,
        "Error validating access token: Session has expired on "
            + now.minusSeconds(60)
            + ". The current time is "
            + now
            + ".",
        "OAuthException",
        190,
        463,
        null);
  }

  /**
   * Code 100 for a feature Meta has and the sandbox does not: the details start {@code
   * NOT_IMPLEMENTED} and say it is the sandbox, not Meta, that refuses.
   */
  public static GraphApiError notImplemented(String what) {
    return invalidParameter("NOT_IMPLEMENTED: " + what + " is not implemented by the sandbox");
  }

  /** Code 100: the request is not acceptable as sent (HTTP 400); {@code details} says why. */
  public static GraphApiError invalidParameter(String details) {
    return new GraphApiError(400, "(#100) Invalid parameter", "OAuthException", 100, null, details);
  }

  /** Code 100, subcode 33: the object in the path (e.g. a phone number id) is unknown. */
  public static GraphApiError unknownObject(String method, String id) {
    return new GraphApiError(
        400,
        "Unsupported "
            + method.toLowerCase(java.util.Locale.ROOT)
            + " request. Object with ID '"
            + id
            + "' does not exist, cannot be loaded due to missing permissions, or does not support"
            + " this operation.",
        "GraphMethodException",
        100,
        33,
        null);
  }

  /** The JSON body Meta answers with. */
  public Map<String, Object> toJson() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", type);
    error.put("code", code);
    if (subcode != null) {
      error.put("error_subcode", subcode);
    }
    if (details != null) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("messaging_product", "whatsapp");
      data.put("details", details);
      error.put("error_data", data);
    }
    error.put("fbtrace_id", newTraceId());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    return body;
  }

  private static String newTraceId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "A" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
