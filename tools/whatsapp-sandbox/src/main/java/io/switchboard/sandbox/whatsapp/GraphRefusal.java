package io.switchboard.sandbox.whatsapp;

/**
 * A Graph API request refused with Meta's error; thrown while reading a request, turned into the
 * error answer by {@link GraphApiEndpoint}.
 */
final class GraphRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient GraphApiError error;

  GraphRefusal(GraphApiError error) {
    super(error.message() + (error.details() == null ? "" : ": " + error.details()));
    this.error = error;
  }

  /** Code 100 with these details. */
  static GraphRefusal invalid(String details) {
    return new GraphRefusal(GraphApiError.invalidParameter(details));
  }

  GraphApiError error() {
    return error;
  }
}
