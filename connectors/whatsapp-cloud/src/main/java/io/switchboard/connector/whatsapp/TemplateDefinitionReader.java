package io.switchboard.connector.whatsapp;

import static io.switchboard.connector.whatsapp.model.LenientJson.object;
import static io.switchboard.connector.whatsapp.model.LenientJson.objects;
import static io.switchboard.connector.whatsapp.model.LenientJson.string;
import static io.switchboard.connector.whatsapp.model.LenientJson.text;

import io.switchboard.spi.channel.capability.TemplateDefinition;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one template object of {@code GET /<waba-id>/message_templates} into a {@link
 * TemplateDefinition}: header, body and footer as parts, each button of the {@code BUTTONS}
 * component as a part of its own with its index.
 *
 * <p>Parameter counts: the distinct {@code {{1}}} or {@code {{name}}} placeholders of a text
 * header, the body and a URL button's {@code url}; a media or location header takes one; a {@code
 * COPY_CODE} button takes the coupon code and an authentication template's {@code OTP} button the
 * code (one each, as Meta's send guides require). Examples come from {@code example.header_text},
 * {@code header_handle}, {@code body_text} (first row), the {@code *_named_params} lists and a
 * button's {@code example}.
 */
final class TemplateDefinitionReader {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  private TemplateDefinitionReader() {}

  /** The definition, or empty when the object lacks a name, language or status. */
  static Optional<TemplateDefinition> read(JsonObject template) {
    String name = text(template, "name");
    String language = text(template, "language");
    String status = text(template, "status");
    if (name == null || language == null || status == null) {
      return Optional.empty();
    }
    List<TemplateDefinition.Part> parts = new ArrayList<>();
    for (JsonObject component : objects(template, "components")) {
      String type = upper(text(component, "type"));
      if ("BUTTONS".equals(type)) {
        List<JsonObject> buttons = objects(component, "buttons");
        for (int i = 0; i < buttons.size(); i++) {
          parts.add(button(buttons.get(i), i));
        }
      } else if (type != null) {
        parts.add(textPart(type, component));
      }
    }
    return Optional.of(
        new TemplateDefinition(
            text(template, "id"),
            name,
            language,
            upper(text(template, "category")),
            upper(status),
            reason(text(template, "rejected_reason")),
            parts));
  }

  private static TemplateDefinition.Part textPart(String type, JsonObject component) {
    String format = upper(text(component, "format"));
    String body = string(component, "text");
    JsonObject example = object(component, "example");
    boolean mediaHeader = "HEADER".equals(type) && format != null && !"TEXT".equals(format);
    if (mediaHeader) {
      return new TemplateDefinition.Part(
          type,
          format,
          null,
          1,
          strings(example == null ? null : example.get("header_handle")),
          List.of(),
          -1);
    }
    List<String> placeholders = placeholders(body);
    List<String> names = placeholders.stream().filter(p -> !p.matches("[0-9]+")).toList();
    List<String> examples = new ArrayList<>();
    if (example != null) {
      String prefix = "HEADER".equals(type) ? "header_text" : "body_text";
      JsonValue positional = example.get(prefix);
      if (positional instanceof JsonArray rows
          && !rows.isEmpty()
          && rows.get(0) instanceof JsonArray firstRow) {
        examples.addAll(strings(firstRow)); // body_text: [["Mark","FALL25"]]
      } else {
        examples.addAll(strings(positional)); // header_text: ["Summer"]
      }
      for (JsonObject named : objects(example, prefix + "_named_params")) {
        String value = string(named, "example");
        if (value != null) {
          examples.add(value);
        }
      }
    }
    return new TemplateDefinition.Part(
        type, format, body, placeholders.size(), examples, names, -1);
  }

  private static TemplateDefinition.Part button(JsonObject button, int index) {
    String kind = upper(text(button, "type"));
    String url = string(button, "url");
    String label = string(button, "text");
    int count;
    String shown;
    if ("URL".equals(kind)) {
      count = placeholders(url).size();
      shown = url != null ? url : label;
    } else {
      count = "COPY_CODE".equals(kind) || "OTP".equals(kind) ? 1 : 0;
      shown = label;
    }
    return new TemplateDefinition.Part(
        "BUTTON", kind, shown, count, strings(button.get("example")), List.of(), index);
  }

  /** The distinct placeholder names or numbers of a text, in order of first appearance. */
  static List<String> placeholders(String text) {
    if (text == null) {
      return List.of();
    }
    Set<String> found = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return List.copyOf(found);
  }

  /** A string, or the strings of an array; anything else gives none. */
  private static List<String> strings(JsonValue value) {
    if (value instanceof JsonString s) {
      return List.of(s.getString());
    }
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream()
        .filter(JsonString.class::isInstance)
        .map(v -> ((JsonString) v).getString())
        .toList();
  }

  /** Meta writes {@code NONE} when there is no reason. */
  private static String reason(String raw) {
    return raw == null || "NONE".equalsIgnoreCase(raw) ? null : raw;
  }

  private static String upper(String value) {
    return value == null ? null : value.toUpperCase(Locale.ROOT);
  }
}
