package io.switchboard.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that may succeed later: timeouts, connection errors, HTTP 5xx, HTTP 429. The engine
 * retries with exponential backoff, never earlier than {@link #retryAfter()}.
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

  public RetryableException(String message, Throwable cause) {
    this(message, cause, null);
  }

  /**
   * @param retryAfter the earliest the remote system wants to see the call again (e.g. a {@code
   *     Retry-After} header), or {@code null}
   */
  public RetryableException(String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The remote system's own wait hint, if it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
