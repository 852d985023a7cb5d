package io.switchboard.engine.application.media;

import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.domain.MediaStatus;

/** The internal note agents get when a customer's file could not be fetched. */
final class MediaNotes {
  private MediaNotes() {}

  static String unavailable(MediaObject m, String summary, String when) {
    String why =
        m.status() == MediaStatus.EXPIRED
            ? "its copy was deleted by the retention period (switchboard.media.retention) before"
                + " it could be attached"
            : (m.lastError() == null ? "no reason was given" : m.lastError())
                + (m.failureReason() == null ? "" : " [" + m.failureReason() + "]");
    return "Switchboard could not fetch the file of the customer's message of "
        + when
        + (summary == null ? "" : " (" + summary + ")")
        + ": "
        + why
        + ".\n\nAn admin can try again: POST /switchboard/api/admin/media/"
        + m.id()
        + "/retry (the file is then attached here once fetched).";
  }
}
