package io.switchboard.engine.application.templates;

import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a template (header, body, footer, buttons) as stored in {@code
 * channel_template.parts_json}, and the parameter counts kept beside them.
 */
public final class TemplatePartsJson {
  private TemplatePartsJson() {}

  public static String write(List<TemplateDefinition.Part> parts) {
    JsonArrayBuilder a = EngineJson.PROVIDER.createArrayBuilder();
    for (TemplateDefinition.Part p : parts) {
      JsonObjectBuilder o = EngineJson.PROVIDER.createObjectBuilder().add("type", p.type());
      put(o, "format", p.format());
      put(o, "text", p.text());
      o.add("parameterCount", p.parameterCount());
      o.add("examples", strings(p.examples()));
      o.add("parameterNames", strings(p.parameterNames()));
      o.add("buttonIndex", p.buttonIndex());
      a.add(o);
    }
    return a.build().toString();
  }

  public static List<TemplateDefinition.Part> read(String json) {
    JsonArray array = EngineJson.PROVIDER.createReader(new StringReader(json)).readArray();
    List<TemplateDefinition.Part> parts = new ArrayList<>();
    for (JsonValue v : array) {
      JsonObject o = v.asJsonObject();
      parts.add(
          new TemplateDefinition.Part(
              o.getString("type"),
              o.getString("format", null),
              o.getString("text", null),
              o.getInt("parameterCount", 0),
              strings(o.getJsonArray("examples")),
              strings(o.getJsonArray("parameterNames")),
              o.getInt("buttonIndex", -1)));
    }
    return parts;
  }

  /** The parts of a stored template. */
  public static List<TemplateDefinition.Part> partsOf(ChannelTemplate template) {
    return read(template.partsJson());
  }

  public static ChannelTemplate.ParameterCounts counts(List<TemplateDefinition.Part> parts) {
    int header = 0;
    int body = 0;
    int buttons = 0;
    for (TemplateDefinition.Part p : parts) {
      switch (p.type()) {
        case "HEADER" -> header += p.parameterCount();
        case "BODY" -> body += p.parameterCount();
        case "BUTTON", "BUTTONS" -> buttons += p.parameterCount();
        default -> {}
      }
    }
    return new ChannelTemplate.ParameterCounts(header, body, buttons);
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder a = EngineJson.PROVIDER.createArrayBuilder();
    values.forEach(v -> a.add(v == null ? "" : v));
    return a;
  }

  private static List<String> strings(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static void put(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }
}
