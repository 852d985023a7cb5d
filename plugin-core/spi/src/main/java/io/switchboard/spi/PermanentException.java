package io.switchboard.spi;

import java.util.Optional;

/**
 * A failure that will not succeed if repeated as is: HTTP 4xx other than 429, rejected content,
 * invalid credentials. The engine quarantines the effect with this message so an admin can fix the
 * cause and replay it; {@link #reason()} tells the agent view what to offer (e.g. a template when
 * the window is closed).
 *
 * <pre>{@code
 * throw new PermanentException("WhatsApp: outside the 24-hour window", null, "131047",
 *     FailureReason.WINDOW_CLOSED);
 * }</pre>
 */
public final class PermanentException extends PluginException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final FailureReason reason;

  public PermanentException(String message, Throwable cause) {
    this(message, cause, null, FailureReason.OTHER);
  }

  /**
   * @param code the remote system's error code (e.g. WhatsApp's {@code 131047}), or {@code null}
   */
  public PermanentException(String message, Throwable cause, String code) {
    this(message, cause, code, FailureReason.OTHER);
  }

  /**
   * @param code the remote system's error code, or {@code null}
   * @param reason the neutral reason
   */
  public PermanentException(String message, Throwable cause, String code, FailureReason reason) {
    super(message, cause);
    this.code = code;
    this.reason = reason == null ? FailureReason.OTHER : reason;
  }

  /** The remote system's error code, when it gave one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The neutral reason. */
  public FailureReason reason() {
    return reason;
  }
}
