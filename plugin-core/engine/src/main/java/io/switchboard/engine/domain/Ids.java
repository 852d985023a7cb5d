package io.switchboard.engine.domain;

import java.util.UUID;

/** The one place entity ids come from. */
public final class Ids {
  private Ids() {}

  /** A new random id (UUID, 36 characters). */
  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
