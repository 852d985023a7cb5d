package io.switchboard.engine.interfaces.rest.admin;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code PUT .../crm-connections/{id}} and {@code PUT .../channels/{id}}: {@code
 * {"plugin":"request-tracker","crmConnection":"rt","config":{"baseUrl":"..."}}}. Config values are
 * taken as strings (a JSON number or boolean as its text).
 *
 * @param plugin the plugin id, or {@code null}
 * @param app the channel app whose webhook carries a channel's events, or {@code null}
 * @param crmConnection the CRM connection a channel feeds, or {@code null}
 * @param config option values by name
 */
record ConnectionRequest(
    String plugin, String app, String crmConnection, Map<String, String> config) {
  ConnectionRequest {
    config = Map.copyOf(config);
  }

  static ConnectionRequest from(JsonObject body) {
    if (body == null) {
      return new ConnectionRequest(null, null, null, Map.of());
    }
    Map<String, String> values = new LinkedHashMap<>();
    JsonObject config = body.getJsonObject("config");
    if (config != null) {
      for (Map.Entry<String, JsonValue> e : config.entrySet()) {
        JsonValue v = e.getValue();
        values.put(e.getKey(), v instanceof JsonString s ? s.getString() : v.toString());
      }
    }
    return new ConnectionRequest(
        body.getString("plugin", null),
        body.getString("app", null),
        body.getString("crmConnection", null),
        values);
  }
}
