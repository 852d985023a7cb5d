package io.switchboard.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may succeed later: timeouts, connection errors, HTTP 5xx, HTTP 429. The engine
 * retries with exponential backoff up to its retry horizon, never earlier than {@link
 * #retryAfter()}.
 *
 * <pre>{@code
 * if (status == 429) {
 *   throw new RetryableException("RT rate limit", null, Duration.ofSeconds(retryAfterHeader));
 * }
 * }</pre>
 */
public final class RetryableException extends PluginException {
  private static final long serialVersionUID = 1L;
  private final transient Duration retryAfter;
  private final FailureReason reason;
  private final String code;

  public RetryableException(String message, Throwable cause) {
    this(message, cause, null);
  }

  /**
   * @param retryAfter the earliest the remote system wants to see the call again (e.g. a {@code
   *     Retry-After} header), or {@code null}
   */
  public RetryableException(String message, Throwable cause, Duration retryAfter) {
    this(
        message,
        cause,
        retryAfter,
        retryAfter != null ? FailureReason.RATE_LIMITED : FailureReason.UNAVAILABLE);
  }

  /**
   * With a neutral reason ({@link FailureReason#RATE_LIMITED}, {@link FailureReason#UNAVAILABLE},
   * ...).
   */
  public RetryableException(
      String message, Throwable cause, Duration retryAfter, FailureReason reason) {
    this(message, cause, retryAfter, reason, null);
  }

  /**
   * With the remote system's own error code too (shown to admins, e.g. WhatsApp {@code 130429}).
   * The engine acts on the neutral reason and the retry-after only, never on the code.
   *
   * @since 2.2.0
   */
  public RetryableException(
      String message, Throwable cause, Duration retryAfter, FailureReason reason, String code) {
    super(message, cause);
    this.retryAfter = retryAfter;
    this.reason = reason == null ? FailureReason.UNAVAILABLE : reason;
    this.code = code;
  }

  /** The remote system's own wait hint, if it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The neutral reason. */
  public FailureReason reason() {
    return reason;
  }

  /**
   * The remote system's error code, when it gave one.
   *
   * @since 2.2.0
   */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }
}
