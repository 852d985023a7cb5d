package io.switchboard.engine.interfaces.rest;

/** A request body over {@code switchboard.http.max-body-bytes}; answered 413. */
public class BodyTooLargeException extends RuntimeException {
  private final long limit;

  public BodyTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes", null, false, false);
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
