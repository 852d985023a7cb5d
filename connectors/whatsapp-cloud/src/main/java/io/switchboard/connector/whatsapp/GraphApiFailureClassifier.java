package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.model.GraphApiError;
import io.switchboard.plugin.support.HttpFailureClassifier;
import io.switchboard.plugin.support.RetryAfter;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import jakarta.json.JsonReaderFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Classifies a failed Graph API answer as retryable or permanent, from the HTTP status, the {@code
 * Retry-After} header and Meta's error code, with the neutral {@link FailureReason} that {@link
 * WhatsAppErrorCodes} gives the code (the same mapping as for failed statuses in webhooks).
 *
 * <ul>
 *   <li>Retryable: HTTP 429 and 5xx, errors Meta flags {@code is_transient}, throttling codes (4,
 *       80007, 130429, 131048, 131049, 131056: the pair rate limit waits at least {@value
 *       #PAIR_RATE_LIMIT_SECONDS} s) and Meta-side outages (131016, 133004). {@code Retry-After} is
 *       honoured when present.
 *   <li>Permanent: every other answer, with Meta's code (or {@code http-<status>}).
 * </ul>
 */
final class GraphApiFailureClassifier {

  static final long PAIR_RATE_LIMIT_SECONDS = 6;

  /** How long the whole number waits after Meta's spam rate limit (131048). */
  static final int SPAM_RATE_LIMIT_SECONDS = 60;

  /** What was being done, for the failure's message. */
  enum Operation {
    SEND("send", "the message"),
    MEDIA_DOWNLOAD("media download", "the media download"),
    MEDIA_UPLOAD("media upload", "the media upload"),
    TEMPLATE_SYNC("template list", "reading the message templates");

    private final String action;
    private final String object;

    Operation(String action, String object) {
      this.action = action;
      this.object = object;
    }
  }

  private final JsonReaderFactory json;
  private final RetryAfter retryAfter;

  GraphApiFailureClassifier(JsonReaderFactory json, Clock clock) {
    this.json = json;
    this.retryAfter = new RetryAfter(clock);
  }

  /**
   * @param status the HTTP status (not 2xx, or 2xx without a usable body)
   * @param retryAfterHeader the {@code Retry-After} header value, or {@code null}
   * @param body the response body, may be empty
   */
  PluginException classify(int status, String retryAfterHeader, String body) {
    return classify(status, retryAfterHeader, body, Operation.SEND);
  }

  /** As {@link #classify(int, String, String)}, for another operation than a send. */
  PluginException classify(int status, String retryAfterHeader, String body, Operation operation) {
    Optional<GraphApiError> error = GraphApiError.parse(body, json);
    String code = error.map(GraphApiError::code).orElse(null);
    String description = describe(status, error);
    Duration retryAfter = retryAfter(retryAfterHeader);
    if ("131056".equals(code)) {
      retryAfter = atLeast(retryAfter, Duration.ofSeconds(PAIR_RATE_LIMIT_SECONDS));
    } else if ("131048".equals(code)) {
      // The spam rate limit lasts: the whole number waits a minute, not a second.
      retryAfter = atLeast(retryAfter, Duration.ofSeconds(SPAM_RATE_LIMIT_SECONDS));
    }
    boolean retryable =
        HttpFailureClassifier.isRetryable(status) // the shared rule: 408, 425, 429, 5xx
            || WhatsAppErrorCodes.isRetryable(code)
            || error.map(GraphApiError::transientError).orElse(false);
    FailureReason reason = reason(status, code, retryable);
    if (retryable) {
      return new RetryableException(
          "WhatsApp " + operation.action + " failed, try again later: " + description,
          null,
          retryAfter,
          reason,
          code);
    }
    return new PermanentException(
        "WhatsApp refused " + operation.object + ": " + description,
        null,
        code != null ? code : "http-" + status,
        reason);
  }

  private static FailureReason reason(int status, String code, boolean retryable) {
    FailureReason byCode = WhatsAppErrorCodes.reason(code);
    if (byCode != FailureReason.OTHER) {
      return byCode;
    }
    if (status == 429) {
      return FailureReason.RATE_LIMITED;
    }
    if (retryable) {
      return FailureReason.UNAVAILABLE;
    }
    return switch (status) {
      case 401, 403 -> FailureReason.AUTH_FAILED;
      case 404 -> FailureReason.NOT_FOUND;
      default -> FailureReason.OTHER;
    };
  }

  /**
   * The plain explanation of Meta's code first (for the agent), then what Meta said (for the
   * admin): {@code <explanation>. WhatsApp said: HTTP 400, code 131047: <title>: <details>
   * [fbtrace_id ...]}.
   */
  private static String describe(int status, Optional<GraphApiError> error) {
    if (error.isEmpty()) {
      return "HTTP " + status + " without a Graph API error body";
    }
    GraphApiError e = error.get();
    StringBuilder text = new StringBuilder();
    WhatsAppErrorCodes.explain(e.code())
        .ifPresent(hint -> text.append(hint).append(". WhatsApp said: "));
    text.append("HTTP ").append(status);
    if (e.code() != null) {
      text.append(", code ").append(e.code());
    }
    text.append(": ").append(e.readable());
    if (e.fbtraceId() != null) {
      text.append(" [fbtrace_id ").append(e.fbtraceId()).append(']');
    }
    return text.toString();
  }

  /** {@code Retry-After} as delay-seconds or an HTTP date, capped; {@code null} when absent. */
  private Duration retryAfter(String header) {
    return retryAfter.parse(header).orElse(null);
  }

  private static Duration atLeast(Duration given, Duration floor) {
    return given == null || given.compareTo(floor) < 0 ? floor : given;
  }
}
