package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.health.ConnectionHealth;
import jakarta.json.JsonObject;

/**
 * A connection's last probed health: {@code {"status":"DOWN","checkedAt":"...","reason":"..."}}.
 *
 * @param status UP, DOWN or UNKNOWN (not probed yet)
 * @param checkedAt ISO-8601 instant of the last probe, or {@code null}
 * @param reason why it is DOWN, or {@code null}
 */
record HealthView(String status, String checkedAt, String reason) {
  static HealthView of(ConnectionHealth h) {
    return new HealthView(
        h.status().name(), h.checkedAt() == null ? null : h.checkedAt().toString(), h.reason());
  }

  JsonObject toJson() {
    var b = AdminJson.object().add("status", status);
    AdminJson.nullable(b, "checkedAt", checkedAt);
    AdminJson.nullable(b, "reason", reason);
    return b.build();
  }
}
