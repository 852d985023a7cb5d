package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.domain.CrmConnection;
import jakarta.json.JsonObject;

/**
 * A CRM connection as the admin API shows it; secrets are never shown ({@code "secrets":
 * "write-only"}).
 *
 * @param id the connection id
 * @param plugin the CRM plugin id
 * @param config the public (non-secret) option values
 * @param health the last probed health
 */
record CrmConnectionView(String id, String plugin, JsonObject config, HealthView health) {
  static CrmConnectionView of(CrmConnection c, HealthView health) {
    return new CrmConnectionView(c.id(), c.plugin(), AdminJson.parse(c.publicConfig()), health);
  }

  JsonObject toJson() {
    return AdminJson.object()
        .add("id", id)
        .add("plugin", plugin)
        .add("config", config)
        .add("secrets", "write-only")
        .add("health", health.toJson())
        .build();
  }
}
