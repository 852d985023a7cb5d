package io.switchboard.engine.application.pipeline;

/** An event that will never be processable as it is: it goes straight to quarantine. */
public class UnprocessableEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnprocessableEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
