package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.domain.ChannelAccount;
import jakarta.json.JsonObject;

/**
 * A channel account as the admin API shows it; secrets are never shown.
 *
 * @param id the account id
 * @param plugin the channel plugin id
 * @param config the public (non-secret) option values
 * @param health the last probed health
 * @param crmConnection the CRM connection it feeds, or {@code null}
 */
record ChannelView(
    String id, String plugin, JsonObject config, HealthView health, String crmConnection) {
  static ChannelView of(ChannelAccount c, HealthView health) {
    return new ChannelView(
        c.id(), c.plugin(), AdminJson.parse(c.publicConfig()), health, c.crmConnectionId());
  }

  /** Where the channel (e.g. Meta) must post its webhooks. */
  String webhookPath() {
    return "/switchboard/api/channels/" + id + "/webhook";
  }

  JsonObject toJson() {
    var b =
        AdminJson.object()
            .add("id", id)
            .add("plugin", plugin)
            .add("config", config)
            .add("secrets", "write-only")
            .add("health", health.toJson())
            .add("webhookPath", webhookPath());
    return AdminJson.nullable(b, "crmConnection", crmConnection).build();
  }
}
