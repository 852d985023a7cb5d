package io.switchboard.engine.application.health;

import java.time.Instant;

/**
 * The last known health of one connection.
 *
 * @param kind CRM connection or channel account
 * @param id the connection's id
 * @param status UP, DOWN, or UNKNOWN before its first probe
 * @param checkedAt when it was last probed, or {@code null}
 * @param reason why it is DOWN (may name hosts: for admins only), else {@code null}
 */
public record ConnectionHealth(
    Kind kind, String id, Status status, Instant checkedAt, String reason) {

  /** Which kind of connection. */
  public enum Kind {
    CRM,
    CHANNEL;

    String key(String id) {
      return name().toLowerCase() + ":" + id;
    }
  }

  /** The probe's verdict. */
  public enum Status {
    UP,
    DOWN,
    UNKNOWN
  }

  /** The health of a connection not probed yet. */
  public static ConnectionHealth unknown(Kind kind, String id) {
    return new ConnectionHealth(kind, id, Status.UNKNOWN, null, null);
  }

  /** {@code crm:<id>} or {@code channel:<id>}, as in the health data. */
  public String key() {
    return kind.key(id);
  }
}
