package io.switchboard.connector.whatsapp.model;

/**
 * One message or status of a webhook body that cannot be read (no id, wrong shape); the rest of the
 * body still can. The parser turns it into an {@code UnreadableEvent}.
 */
public final class UnreadablePartException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadablePartException(String reason) {
    super(reason, null, false, false);
  }
}
