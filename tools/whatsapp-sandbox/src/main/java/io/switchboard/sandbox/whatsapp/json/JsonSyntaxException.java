package io.switchboard.sandbox.whatsapp.json;

/** Thrown by {@link JsonReader} when a text is not valid JSON; the message names the offset. */
public final class JsonSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that already names where parsing stopped. */
  public JsonSyntaxException(String message) {
    super(message);
  }
}
