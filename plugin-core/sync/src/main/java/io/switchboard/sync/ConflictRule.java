package io.switchboard.sync;

import java.util.Arrays;
import java.util.Optional;

/**
 * For a two-way mapping, which side wins when both changed since the last sync (the CRM value is
 * not what the bridge last wrote, and the bridge value is not what it was then).
 */
public enum ConflictRule {
  /** The CRM's value is taken into the bridge. */
  CRM_WINS("crm-wins"),
  /** The bridge's value is written back over the CRM's. */
  BRIDGE_WINS("bridge-wins"),
  /** The later change by timestamp wins; on a tie, the CRM (the admin's deliberate edit). */
  NEWEST_WINS("newest-wins");

  private final String key;

  ConflictRule(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<ConflictRule> byKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
  }
}
