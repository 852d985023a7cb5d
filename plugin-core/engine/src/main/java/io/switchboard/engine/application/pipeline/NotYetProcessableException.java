package io.switchboard.engine.application.pipeline;

/**
 * An event that cannot be processed yet but probably will be (e.g. a delivery status that arrived
 * before the send that it reports on was recorded). The ledger retries it with backoff.
 */
public class NotYetProcessableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotYetProcessableException(String message) {
    super(message);
  }
}
