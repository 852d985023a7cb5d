package io.switchboard.connector.whatsapp;

import java.io.IOException;

/**
 * Thrown by a download handler that stopped reading because the file is over the size limit, so
 * that the connection is closed instead of drained to the end.
 */
final class MediaTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  MediaTooLargeException(String message) {
    super(message, null);
  }
}
