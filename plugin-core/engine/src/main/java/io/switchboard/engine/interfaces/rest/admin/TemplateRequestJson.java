package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.templates.TemplateParameterJson;
import io.switchboard.engine.application.templates.TemplateProblem;
import io.switchboard.engine.application.templates.TemplateRequest;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.engine.interfaces.rest.Problem;
import io.switchboard.spi.content.TemplateParameter;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code POST /admin/conversations/{id}/template}:
 *
 * <pre>{@code
 * {"name": "order_update", "language": "en_US", "actor": "amal@example.com",
 *  "header": [{"type": "media", "kind": "image", "link": "https://shop.example/4567.jpg"}],
 *  "body": [{"type": "text", "text": "4567"},
 *           {"type": "currency", "amount": "99.80", "currency": "AED", "fallback": "AED 99.80"},
 *           {"type": "date_time", "at": "2026-12-07T10:00:00+04:00", "fallback": "Monday"}],
 *  "buttons": [{"index": 0, "parameters": [{"type": "text", "text": "4567"}]}]}
 * }</pre>
 *
 * and the answers it gets: 400 for a body that cannot be read, 422 with one entry per problem for a
 * template that would be refused.
 */
public final class TemplateRequestJson {
  private TemplateRequestJson() {}

  /** A body read into a request and its actor, or the reasons it could not be. */
  public record Parsed(TemplateRequest request, String actor, List<String> errors) {}

  public static Parsed read(JsonObject body) {
    List<String> errors = new ArrayList<>();
    if (body == null) {
      return new Parsed(
          null, null, List.of("send {\"name\": ..., \"language\": ..., \"body\": [...]}"));
    }
    String name = AdminJson.text(body, "name");
    if (name == null || name.isBlank()) {
      errors.add("name: the template name is required");
    }
    List<TemplateParameter> header = parameters(body.get("header"), "header", errors);
    List<TemplateParameter> values = parameters(body.get("body"), "body", errors);
    Map<Integer, List<TemplateParameter>> buttons = buttons(body.get("buttons"), errors);
    if (!errors.isEmpty()) {
      return new Parsed(null, null, List.copyOf(errors));
    }
    String actor = AdminJson.text(body, "actor");
    return new Parsed(
        new TemplateRequest(name, AdminJson.text(body, "language"), header, values, buttons),
        actor == null || actor.isBlank() ? "admin API" : actor,
        List.of());
  }

  private static List<TemplateParameter> parameters(
      JsonValue value, String where, List<String> errors) {
    List<TemplateParameter> out = new ArrayList<>();
    if (value == null || value == JsonValue.NULL) {
      return out;
    }
    if (!(value instanceof JsonArray array)) {
      errors.add(where + ": a list of parameters");
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      try {
        out.add(TemplateParameterJson.read(array.get(i)));
      } catch (IllegalArgumentException e) {
        errors.add(where + " parameter " + (i + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static Map<Integer, List<TemplateParameter>> buttons(
      JsonValue value, List<String> errors) {
    Map<Integer, List<TemplateParameter>> out = new TreeMap<>();
    if (value == null || value == JsonValue.NULL) {
      return out;
    }
    if (!(value instanceof JsonArray array)) {
      errors.add("buttons: a list of {\"index\": 0, \"parameters\": [...]}");
      return out;
    }
    for (JsonValue v : array) {
      if (!(v instanceof JsonObject b) || !(b.get("index") instanceof jakarta.json.JsonNumber n)) {
        errors.add("buttons: each needs an index (0-based) and parameters");
        continue;
      }
      String where = "button " + n.intValue();
      if (b.containsKey("parameters")) {
        out.put(n.intValue(), parameters(b.get("parameters"), where, errors));
      } else if (AdminJson.text(b, "text") != null) {
        out.put(n.intValue(), List.of(TemplateParameter.text(AdminJson.text(b, "text"))));
      } else {
        errors.add(where + ": give parameters (or the URL suffix as text)");
      }
    }
    return out;
  }

  /** The 400 answer for a body that cannot be read. */
  public static Problem unreadable(List<String> errors) {
    JsonArrayBuilder a = EngineJson.PROVIDER.createArrayBuilder();
    errors.forEach(a::add);
    return Problem.of(400, "invalid-request", "Invalid request")
        .withDetail(String.join("; ", errors))
        .with("problems", a.build());
  }

  /** The 422 answer for a template that would be refused: one entry per problem. */
  public static Problem refused(List<TemplateProblem> problems) {
    JsonArrayBuilder a = EngineJson.PROVIDER.createArrayBuilder();
    for (TemplateProblem p : problems) {
      a.add(
          AdminJson.object()
              .add("reason", p.reason())
              .add("part", p.part())
              .add("detail", p.detail()));
    }
    return Problem.of(422, "template-refused", "Template refused")
        .withDetail(String.join("; ", problems.stream().map(TemplateProblem::toString).toList()))
        .with("problems", a.build());
  }
}
