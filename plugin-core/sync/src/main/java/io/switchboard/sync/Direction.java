package io.switchboard.sync;

import java.util.Arrays;
import java.util.Optional;

/** Which way a mapped value travels. */
public enum Direction {
  /** The bridge writes the CRM field; changes made in the CRM are overwritten on the next sync. */
  TO_CRM("to-crm"),
  /** The CRM field sets the bridge field; the bridge never writes it. */
  FROM_CRM("from-crm"),
  /** Both ways; when both sides changed since the last sync, the {@link ConflictRule} decides. */
  BOTH("both");

  private final String key;

  Direction(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public boolean toCrm() {
    return this != FROM_CRM;
  }

  public boolean fromCrm() {
    return this != TO_CRM;
  }

  public static Optional<Direction> byKey(String key) {
    return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
  }
}
