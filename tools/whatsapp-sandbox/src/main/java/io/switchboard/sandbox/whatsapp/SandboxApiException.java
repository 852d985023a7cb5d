package io.switchboard.sandbox.whatsapp;

/** A sandbox API request that cannot be served; answered {@code {"error": message}}. */
final class SandboxApiException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  SandboxApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** 400 with this message. */
  static SandboxApiException badRequest(String message) {
    return new SandboxApiException(400, message);
  }

  int status() {
    return status;
  }
}
