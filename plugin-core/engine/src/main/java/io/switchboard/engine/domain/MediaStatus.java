package io.switchboard.engine.domain;

/**
 * Where the file of a media message stands: {@code PENDING} (being fetched from the channel, with
 * retries), {@code STORED} (bytes in the media store), {@code UNAVAILABLE} (the channel or the
 * checks refused it; an admin may retry), {@code EXPIRED} (bytes deleted by retention, metadata
 * kept).
 */
public enum MediaStatus {
  PENDING,
  STORED,
  UNAVAILABLE,
  EXPIRED
}
