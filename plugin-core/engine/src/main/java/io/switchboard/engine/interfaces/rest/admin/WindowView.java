package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.pipeline.ConversationWindow;
import io.switchboard.engine.infrastructure.EngineJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A conversation's free-form window: {@code open}, {@code window} (the open one's name), {@code
 * closesAt} (when it closes, or when the last one closed), {@code outside} (what may go out when
 * none is open) and each window with its times.
 */
final class WindowView {
  private WindowView() {}

  static JsonObject of(ConversationWindow w, String problem) {
    JsonObjectBuilder b = AdminJson.object();
    if (w == null) {
      return b.addNull("open").add("problem", problem).build();
    }
    b.add("applies", w.applies()).add("open", w.open());
    AdminJson.nullable(b, "window", w.window());
    AdminJson.nullable(b, "closesAt", w.closesAt());
    b.add("outside", w.outsideWindows().name());
    JsonArrayBuilder windows = EngineJson.PROVIDER.createArrayBuilder();
    for (ConversationWindow.Times t : w.windows()) {
      JsonObjectBuilder o =
          AdminJson.object()
              .add("name", t.name())
              .add("opener", t.opener().name())
              .add("length", t.length().toString())
              .add("open", t.open());
      AdminJson.nullable(o, "tag", t.tag());
      AdminJson.nullable(o, "openedAt", t.openedAt());
      AdminJson.nullable(o, "closesAt", t.closesAt());
      windows.add(o);
    }
    return b.add("windows", windows).build();
  }
}
