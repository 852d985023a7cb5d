package io.switchboard.sandbox.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template of the WhatsApp Business Account, in the shape {@code GET
 * /{waba-id}/message_templates} lists it: id, name, language, status, category and components
 * ({@code HEADER}, {@code BODY}, {@code FOOTER}, {@code BUTTONS}) with {@code {{1}}} placeholders.
 */
public record MessageTemplate(
    String id,
    String name,
    String language,
    String status,
    String category,
    List<Map<String, Object>> components) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}");

  /** The same template with another status ({@code APPROVED}, {@code REJECTED}, ...). */
  public MessageTemplate withStatus(String next) {
    return new MessageTemplate(id, name, language, next, category, components);
  }

  /** Whether it may be sent. */
  public boolean approved() {
    return "APPROVED".equals(status);
  }

  /** The component of this type ({@code HEADER}, {@code BODY}, ...), or an empty map. */
  public Map<String, Object> component(String type) {
    for (Map<String, Object> component : components) {
      if (type.equalsIgnoreCase(String.valueOf(component.get("type")))) {
        return component;
      }
    }
    return Map.of();
  }

  /** The header's format ({@code TEXT}, {@code IMAGE}, {@code VIDEO}, ...), or null. */
  public String headerFormat() {
    Object format = component("HEADER").get("format");
    return format == null ? null : format.toString().toUpperCase(Locale.ROOT);
  }

  /** How many parameters the header takes: its placeholders, or 1 for a media header. */
  public int headerParameterCount() {
    String format = headerFormat();
    if (format == null) {
      return 0;
    }
    return "TEXT".equals(format) ? placeholders(component("HEADER").get("text")).size() : 1;
  }

  /** How many parameters the body takes. */
  public int bodyParameterCount() {
    return placeholders(component("BODY").get("text")).size();
  }

  /** The buttons, in order. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> buttons() {
    Object buttons = component("BUTTONS").get("buttons");
    return buttons instanceof List ? (List<Map<String, Object>>) buttons : List.of();
  }

  /** How many parameters button {@code index} takes (a URL button's {@code {{1}}} suffix). */
  public int buttonParameterCount(int index) {
    List<Map<String, Object>> buttons = buttons();
    if (index < 0 || index >= buttons.size()) {
      return 0;
    }
    Map<String, Object> button = buttons.get(index);
    return "URL".equals(button.get("type")) ? placeholders(button.get("url")).size() : 0;
  }

  /** The distinct placeholders of a text, in order of appearance. */
  static Set<String> placeholders(Object text) {
    Set<String> names = new LinkedHashSet<>();
    if (text != null) {
      Matcher matcher = PLACEHOLDER.matcher(text.toString());
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** The text with placeholder {@code i} (in order of appearance) replaced by {@code values[i]}. */
  static String fill(Object text, List<String> values) {
    if (text == null) {
      return null;
    }
    List<String> names = new ArrayList<>(placeholders(text));
    Matcher matcher = PLACEHOLDER.matcher(text.toString());
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      int i = names.indexOf(matcher.group(1));
      String value = i < values.size() ? values.get(i) : matcher.group();
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The template as Meta lists it. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("parameter_format", "POSITIONAL");
    json.put("components", components);
    json.put("language", language);
    json.put("status", status);
    json.put("category", category);
    json.put("id", id);
    return json;
  }

  /**
   * Reads a template from Meta's JSON shape (for {@code PUT /sandbox/api/templates}).
   *
   * @throws IllegalArgumentException naming the missing or malformed field
   */
  @SuppressWarnings("unchecked")
  public static MessageTemplate fromJson(Map<String, Object> json, String fallbackId) {
    String name = requiredText(json, "name");
    if (!name.matches("[a-z0-9_]{1,512}")) {
      throw new IllegalArgumentException(
          "template name '" + name + "' must be lowercase letters, digits and underscores");
    }
    if (!(json.get("components") instanceof List<?> components) || components.isEmpty()) {
      throw new IllegalArgumentException("template '" + name + "' needs a components array");
    }
    List<Map<String, Object>> checked = new ArrayList<>();
    for (Object component : components) {
      if (!(component instanceof Map<?, ?> map) || !(map.get("type") instanceof String)) {
        throw new IllegalArgumentException(
            "template '" + name + "': every component needs a type (HEADER, BODY, ...)");
      }
      checked.add((Map<String, Object>) component);
    }
    Object id = json.get("id");
    return new MessageTemplate(
        id == null ? fallbackId : id.toString(),
        name,
        requiredText(json, "language"),
        String.valueOf(json.getOrDefault("status", "APPROVED")).toUpperCase(Locale.ROOT),
        String.valueOf(json.getOrDefault("category", "UTILITY")).toUpperCase(Locale.ROOT),
        List.copyOf(checked));
  }

  private static String requiredText(Map<String, Object> json, String field) {
    if (!(json.get(field) instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException("every template needs '" + field + "'");
    }
    return text;
  }
}
