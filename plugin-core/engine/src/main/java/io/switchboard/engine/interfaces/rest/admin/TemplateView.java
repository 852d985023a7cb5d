package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/**
 * One synced template: name, language, category, status (with the channel's reason), parameter
 * counts per part, its parts (header, body, footer, buttons with texts, formats and examples), and
 * when it was last synced and changed.
 */
public final class TemplateView {
  private TemplateView() {}

  public static JsonObject of(ChannelTemplate t) {
    JsonObjectBuilder b = AdminJson.object().add("name", t.name()).add("language", t.language());
    AdminJson.nullable(b, "id", t.externalId());
    AdminJson.nullable(b, "category", t.category());
    b.add("status", t.status());
    AdminJson.nullable(b, "statusReason", t.statusReason());
    ChannelTemplate.ParameterCounts c = t.parameterCounts();
    b.add(
        "parameters",
        AdminJson.object()
            .add("header", c.header())
            .add("body", c.body())
            .add("buttons", c.buttons()));
    b.add("parts", EngineJson.PROVIDER.createReader(new StringReader(t.partsJson())).readArray());
    AdminJson.nullable(b, "syncedAt", t.syncedAt());
    AdminJson.nullable(b, "updatedAt", t.updatedAt());
    return b.build();
  }
}
