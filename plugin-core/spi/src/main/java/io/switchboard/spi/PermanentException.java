package io.switchboard.spi;

import java.util.Optional;

/**
 * A failure that will not succeed if repeated as is: HTTP 4xx other than 429, rejected content,
 * invalid credentials. The engine quarantines the effect with this message so an admin can fix the
 * cause and replay it.
 *
 * <pre>{@code
 * throw new PermanentException("WhatsApp rejected the message", null, "131047");
 * }</pre>
 */
public final class PermanentException extends PluginException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public PermanentException(String message, Throwable cause) {
    this(message, cause, null);
  }

  /**
   * @param code the remote system's error code (e.g. WhatsApp's {@code 131047}), or {@code null}
   */
  public PermanentException(String message, Throwable cause, String code) {
    super(message, cause);
    this.code = code;
  }

  /** The remote system's error code, when it gave one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }
}
