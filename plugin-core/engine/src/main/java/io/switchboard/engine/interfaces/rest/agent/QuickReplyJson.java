package io.switchboard.engine.interfaces.rest.agent;

import io.switchboard.engine.application.agent.QuickReplies;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Quick replies as JSON, {@code {"items":[{"shortcut","title","text"}]}}, both ways. */
public final class QuickReplyJson {
  private QuickReplyJson() {}

  public static JsonObject list(List<QuickReplies.Entry> entries) {
    return AgentJson.object()
        .add(
            "items",
            AgentJson.array(
                entries,
                e -> {
                  JsonObjectBuilder b = AgentJson.object().add("shortcut", e.shortcut());
                  AgentJson.nullable(b, "title", e.title());
                  return b.add("text", e.text()).build();
                }))
        .build();
  }

  /** The entries of a body, or the problems with it in {@code errors}. */
  public static List<QuickReplies.Entry> read(JsonObject body, List<String> errors) {
    List<QuickReplies.Entry> out = new ArrayList<>();
    if (body == null || !(body.get("items") instanceof JsonArray items)) {
      errors.add(
          "send {\"items\": [{\"shortcut\": \"thanks\", \"title\": \"..\", \"text\": \"..\"}]}");
      return out;
    }
    Set<String> seen = new HashSet<>();
    int i = 0;
    for (JsonValue v : items) {
      String at = "items[" + i++ + "]";
      if (!(v instanceof JsonObject o)) {
        errors.add(at + ": an object");
        continue;
      }
      String shortcut = AgentJson.text(o, "shortcut");
      String text = AgentJson.text(o, "text");
      if (shortcut == null || !shortcut.matches("[A-Za-z0-9_-]{1,64}")) {
        errors.add(at + ".shortcut: 1 to 64 letters, digits, - or _");
      } else if (!seen.add(shortcut)) {
        errors.add(at + ".shortcut: " + shortcut + " is there twice");
      }
      if (text == null || text.isBlank()) {
        errors.add(at + ".text: the reply's text");
      }
      out.add(new QuickReplies.Entry(shortcut, AgentJson.text(o, "title"), text));
    }
    return out;
  }
}
