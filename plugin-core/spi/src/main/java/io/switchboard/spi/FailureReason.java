package io.switchboard.spi;

/**
 * Why a remote system refused or could not perform something, in words the engine and the agent
 * view understand without knowing any vendor. Plugins map their vendor codes to one of these and
 * keep the vendor code beside it.
 *
 * <pre>{@code
 * throw new PermanentException("outside the 24-hour window", null, "131047", FailureReason.WINDOW_CLOSED);
 * }</pre>
 */
public enum FailureReason {
  /** The customer service window is closed: only a template (or a tagged message) may go out. */
  WINDOW_CLOSED,
  /** This content can only be sent as an approved template. */
  TEMPLATE_REQUIRED,
  /** The template does not exist, is not approved, paused, or its parameters do not fit. */
  TEMPLATE_PROBLEM,
  /** The channel (or this connector) cannot send this kind of content. */
  UNSUPPORTED_CONTENT,
  /** The content is over a size or length limit. */
  TOO_LARGE,
  /** The content is malformed or empty. */
  INVALID_CONTENT,
  /**
   * Too many messages from this account (throughput, a spam or marketing cap): the whole account
   * waits, at least as long as the exception's retry-after says.
   */
  RATE_LIMITED,
  /**
   * Too many messages to this one customer in a short time (WhatsApp's pair rate limit): only the
   * sends to this customer wait.
   *
   * @since 2.2.0
   */
  RECIPIENT_RATE_LIMITED,
  /** The credentials are wrong, expired or lack a permission. */
  AUTH_FAILED,
  /** The recipient cannot be reached (not on the channel, blocked us, number invalid). */
  RECIPIENT_UNREACHABLE,
  /** The account is restricted, unverified or misconfigured on the vendor's side. */
  ACCOUNT_PROBLEM,
  /** Media could not be uploaded or downloaded. */
  MEDIA_PROBLEM,
  /** The object does not exist (any more) on the remote side. */
  NOT_FOUND,
  /** The plugin does not implement this yet. */
  NOT_IMPLEMENTED,
  /** The remote system is down or timed out. */
  UNAVAILABLE,
  /** Anything else; see the vendor code and message. */
  OTHER
}
