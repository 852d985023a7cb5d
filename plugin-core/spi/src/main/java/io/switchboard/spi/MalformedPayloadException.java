package io.switchboard.spi;

/**
 * An authentic webhook body that cannot be understood (not JSON, wrong shape). The engine keeps the
 * raw body in quarantine with {@link #getMessage()} as the reason and acknowledges the delivery, so
 * the sender stops retrying and nothing is lost.
 */
public class MalformedPayloadException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedPayloadException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
