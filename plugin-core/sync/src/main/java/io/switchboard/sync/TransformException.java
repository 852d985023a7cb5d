package io.switchboard.sync;

/** A value that a transform cannot shape, with a message an admin can act on. */
public class TransformException extends RuntimeException {
  public TransformException(String message) {
    super(message);
  }

  public TransformException(String message, Throwable cause) {
    super(message, cause);
  }
}
