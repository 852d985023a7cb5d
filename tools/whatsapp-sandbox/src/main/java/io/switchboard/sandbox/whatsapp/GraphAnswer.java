package io.switchboard.sandbox.whatsapp;

import java.util.Map;

/** A Graph API answer: HTTP status and JSON body, and the error it carries, if any. */
record GraphAnswer(int httpStatus, Map<String, Object> body, GraphApiError error) {
  static GraphAnswer ok(Map<String, Object> body) {
    return new GraphAnswer(200, body, null);
  }

  static GraphAnswer error(GraphApiError error) {
    return new GraphAnswer(error.httpStatus(), error.toJson(), error);
  }
}
