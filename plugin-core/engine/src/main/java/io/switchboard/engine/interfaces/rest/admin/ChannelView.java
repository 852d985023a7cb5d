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
 * @param app the channel app whose webhook carries its events, or {@code null} (stand-alone)
 * @param accountId the id its events carry (WhatsApp phone number id), by which they are routed
 * @param sending whether its sends go or are paused (and why), or {@code null}
 */
record ChannelView(
    String id,
    String plugin,
    JsonObject config,
    HealthView health,
    String crmConnection,
    String app,
    String accountId,
    SendingView sending) {
  /** Without the sending state (views that do not ask the governor). */
  ChannelView(
      String id,
      String plugin,
      JsonObject config,
      HealthView health,
      String crmConnection,
      String app,
      String accountId) {
    this(id, plugin, config, health, crmConnection, app, accountId, null);
  }

  static ChannelView of(ChannelAccount c, HealthView health) {
    return new ChannelView(
        c.id(),
        c.plugin(),
        AdminJson.parse(c.publicConfig()),
        health,
        c.crmConnectionId(),
        c.appId(),
        c.accountId());
  }

  /** The same with how its sends fare now (the governor). */
  ChannelView withSending(SendingView view) {
    return new ChannelView(id, plugin, config, health, crmConnection, app, accountId, view);
  }

  /** Where the channel (e.g. Meta) must post its webhooks: its app's URL, else its own. */
  String webhookPath() {
    return app != null
        ? "/switchboard/api/apps/" + app + "/webhook"
        : "/switchboard/api/channels/" + id + "/webhook";
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
    AdminJson.nullable(b, "app", app);
    AdminJson.nullable(b, "accountId", accountId);
    if (sending != null) {
      b.add("sending", sending.toJson());
    }
    return AdminJson.nullable(b, "crmConnection", crmConnection).build();
  }
}
