package io.switchboard.engine.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where media objects are kept. Implemented with JPA in {@code infrastructure.persistence}. */
public interface MediaRepository {

  Optional<MediaObject> find(String id);

  /** The media object, locked for update until the transaction ends (fetch and delivery race). */
  Optional<MediaObject> lock(String id);

  /** The media of one message, oldest first (today at most one). */
  List<MediaObject> ofMessage(String messageId);

  /** The ids of stored media fetched before {@code before}, oldest first (retention). */
  List<String> storedBefore(Instant before, int limit);

  void add(MediaObject media);
}
