package io.switchboard.spi;

/**
 * A failed call from the engine into a plugin's remote system. Plugins classify every failure as
 * {@link RetryableException} or {@link PermanentException}; the engine decides about retries and
 * quarantine.
 */
public abstract sealed class PluginException extends Exception
    permits RetryableException, PermanentException {
  private static final long serialVersionUID = 1L;

  protected PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
