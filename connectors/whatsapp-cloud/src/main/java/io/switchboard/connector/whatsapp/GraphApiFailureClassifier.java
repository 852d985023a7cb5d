package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.model.GraphApiError;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import jakarta.json.JsonReaderFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a failed Graph API answer as retryable or permanent, from the HTTP status, the {@code
 * Retry-After} header and Meta's error code.
 *
 * <ul>
 *   <li>Retryable: HTTP 429 and 5xx, errors Meta flags {@code is_transient}, and the throttling
 *       codes 4 (app rate limit), 80007 (WABA rate limit), 130429 (throughput), 131048 (spam rate
 *       limit) and 131056 (pair rate limit: at least {@value #PAIR_RATE_LIMIT_SECONDS} s before the
 *       same customer again). {@code Retry-After} is honoured when present.
 *   <li>Permanent: every other answer, with Meta's code: 131047 (customer service window closed:
 *       only a template can reach the customer), 190 (access token invalid or expired), 100
 *       (invalid parameter), 131026 (undeliverable), 131051 (unsupported type), other 4xx.
 * </ul>
 */
final class GraphApiFailureClassifier {

  static final long PAIR_RATE_LIMIT_SECONDS = 6;
  private static final Set<String> THROTTLING = Set.of("4", "80007", "130429", "131048", "131056");
  private static final Map<String, String> HINTS =
      Map.of(
          "131047",
          "more than 24 hours since the customer's last message: only an approved template can be"
              + " sent now",
          "190",
          "the access token is invalid or expired: renew the accessToken option of this channel",
          "100",
          "WhatsApp rejected a parameter of the request",
          "131026",
          "the message is undeliverable (the number may not be on WhatsApp or cannot receive it)",
          "131051",
          "WhatsApp does not support this message type",
          "130429",
          "throughput limit of the business number reached",
          "131048",
          "spam rate limit reached: too many messages from this number were blocked or reported",
          "131056",
          "pair rate limit reached: too many messages to the same customer in a short time",
          "80007",
          "rate limit of the WhatsApp Business Account reached",
          "4",
          "application request limit reached");

  private final JsonReaderFactory json;
  private final Clock clock;

  GraphApiFailureClassifier(JsonReaderFactory json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /**
   * @param status the HTTP status (not 2xx, or 2xx without a usable body)
   * @param retryAfterHeader the {@code Retry-After} header value, or {@code null}
   * @param body the response body, may be empty
   */
  PluginException classify(int status, String retryAfterHeader, String body) {
    Optional<GraphApiError> error = GraphApiError.parse(body, json);
    String code = error.map(GraphApiError::code).orElse(null);
    String description = describe(status, error);
    Duration retryAfter = retryAfter(retryAfterHeader);
    if ("131056".equals(code)) {
      Duration pair = Duration.ofSeconds(PAIR_RATE_LIMIT_SECONDS);
      retryAfter = retryAfter == null || retryAfter.compareTo(pair) < 0 ? pair : retryAfter;
    }
    boolean retryable =
        status == 429
            || status >= 500
            || (code != null && THROTTLING.contains(code))
            || error.map(GraphApiError::transientError).orElse(false);
    if (retryable) {
      return new RetryableException(
          "WhatsApp send failed, try again later: " + description, null, retryAfter);
    }
    return new PermanentException(
        "WhatsApp rejected the message: " + description,
        null,
        code != null ? code : "http-" + status);
  }

  private static String describe(int status, Optional<GraphApiError> error) {
    if (error.isEmpty()) {
      return "HTTP " + status + " without a Graph API error body";
    }
    GraphApiError e = error.get();
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    if (e.code() != null) {
      text.append(", code ").append(e.code());
    }
    text.append(": ").append(e.readable());
    String hint = e.code() == null ? null : HINTS.get(e.code());
    if (hint != null) {
      text.append(" (").append(hint).append(')');
    }
    if (e.fbtraceId() != null) {
      text.append(" [fbtrace_id ").append(e.fbtraceId()).append(']');
    }
    return text.toString();
  }

  /** {@code Retry-After} as delay-seconds or an HTTP date; {@code null} when absent or invalid. */
  private Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(clock.instant(), at.toInstant());
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
