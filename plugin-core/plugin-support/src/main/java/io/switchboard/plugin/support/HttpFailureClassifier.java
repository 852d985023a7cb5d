package io.switchboard.plugin.support;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.RetryableException;
import java.io.IOException;
import java.util.Objects;

/**
 * Classifies failed HTTP calls the way the engine expects (docs/architecture.md, "Transactions and
 * failures"): no answer at all (I/O errors, connect and response timeouts), 408, 425, 429 and 5xx
 * are {@link RetryableException}s carrying the {@code Retry-After} wait; every other status is a
 * {@link PermanentException} whose code is the status.
 *
 * <pre>{@code
 * HttpFailureClassifier failures = new HttpFailureClassifier(new RetryAfter(clock));
 * if (status >= 300) {
 *   failures.raise(status, retryAfterHeader, "RT answered HTTP " + status + ": " + message);
 * }
 * }</pre>
 */
public final class HttpFailureClassifier {
  private final RetryAfter retryAfter;

  public HttpFailureClassifier(RetryAfter retryAfter) {
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** Whether a call answered with this status may succeed when repeated later. */
  public static boolean isRetryable(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
  }

  /**
   * The failure for a status that is not a success.
   *
   * @param retryAfterHeader the answer's {@code Retry-After}, or {@code null}
   * @param message what failed, for the engine's log and quarantine (no secrets)
   */
  public PluginException classify(int status, String retryAfterHeader, String message) {
    if (isRetryable(status)) {
      return new RetryableException(message, null, retryAfter.parse(retryAfterHeader).orElse(null));
    }
    return new PermanentException(message, null, String.valueOf(status));
  }

  /** Throws {@link #classify}'s failure, typed for a plugin method's {@code throws} clause. */
  public void raise(int status, String retryAfterHeader, String message)
      throws RetryableException, PermanentException {
    PluginException failure = classify(status, retryAfterHeader, message);
    if (failure instanceof RetryableException retryable) {
      throw retryable;
    }
    throw (PermanentException) failure;
  }

  /**
   * The failure for a call that got no answer: connection refused or reset, DNS, TLS, connect or
   * response timeout. Always retryable: the engine decides how often.
   */
  public RetryableException unanswered(String message, IOException cause) {
    return new RetryableException(message + ": " + cause, cause);
  }
}
