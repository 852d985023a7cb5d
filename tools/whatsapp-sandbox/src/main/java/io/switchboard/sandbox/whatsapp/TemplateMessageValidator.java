package io.switchboard.sandbox.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a template send against the account's templates as Meta does, and renders it: the template
 * must exist in the language and be approved (else 132001; paused 132015, disabled 132016), the
 * header, body and button parameter counts must match (132000) and each parameter must fit its
 * place (132012: a media header needs a media parameter, body parameters are text, currency or
 * date_time, a URL button suffix is text).
 */
final class TemplateMessageValidator {
  private final TemplateStore templates;

  TemplateMessageValidator(TemplateStore templates) {
    this.templates = templates;
  }

  MessageContent validate(Map<String, Object> body) {
    Map<String, Object> request = RequestFields.object(body, "template", "message");
    String name = RequestFields.text(request, "name", "template", 512);
    Map<String, Object> languageObject = RequestFields.object(request, "language", "template");
    String language = RequestFields.text(languageObject, "code", "template['language']", 20);
    MessageTemplate template = approved(name, language);
    Map<String, List<Map<String, Object>>> given = parametersByComponent(request);

    List<String> header = check(given.remove("header"), template.headerParameterCount(), "header");
    checkHeaderFormat(template, header);
    List<String> bodyValues = check(given.remove("body"), template.bodyParameterCount(), "body");
    List<String> buttons = buttons(template, given);
    if (!given.isEmpty()) {
      throw GraphRefusal.invalid(
          "template['components'] has parameters for "
              + given.keySet()
              + ", which "
              + name
              + " does not have");
    }
    return render(template, request, header, bodyValues, buttons);
  }

  private MessageTemplate approved(String name, String language) {
    MessageTemplate template = templates.find(name, language).orElse(null);
    if (template == null
        || "PENDING".equals(template.status())
        || "REJECTED".equals(template.status())) {
      throw refusal(
          132001,
          "template name ("
              + name
              + ") does not exist in "
              + language
              + (template == null ? "" : " (its status is " + template.status() + ")"));
    }
    if ("PAUSED".equals(template.status())) {
      throw refusal(132015, "template " + name + " (" + language + ") is paused");
    }
    if (!template.approved()) {
      throw refusal(132016, "template " + name + " (" + language + ") is " + template.status());
    }
    return template;
  }

  /** The given parameters by component: {@code header}, {@code body}, {@code button_0}, ... */
  private static Map<String, List<Map<String, Object>>> parametersByComponent(
      Map<String, Object> request) {
    Map<String, List<Map<String, Object>>> byComponent = new LinkedHashMap<>();
    if (request.get("components") == null) {
      return byComponent;
    }
    for (Object element : RequestFields.list(request, "components", "template", 0, 20)) {
      Map<String, Object> component = RequestFields.element(element, "template['components']");
      String type =
          RequestFields.text(component, "type", "template['components'][]", 20)
              .toLowerCase(Locale.ROOT);
      String key = type;
      if ("button".equals(type)) {
        key = "button_" + String.valueOf(component.get("index")).trim();
      }
      List<Map<String, Object>> parameters = new ArrayList<>();
      if (component.get("parameters") != null) {
        for (Object p : RequestFields.list(component, "parameters", "components[]", 0, 100)) {
          parameters.add(RequestFields.element(p, "components[]['parameters']"));
        }
      }
      byComponent.put(key, parameters);
    }
    return byComponent;
  }

  /** Checks the count, then returns each parameter's display text. */
  private static List<String> check(List<Map<String, Object>> given, int expected, String where) {
    List<Map<String, Object>> parameters = given == null ? List.of() : given;
    if (parameters.size() != expected) {
      throw refusal(
          132000,
          where
              + ": number of localizable_params ("
              + parameters.size()
              + ") does not match the expected number of params ("
              + expected
              + ")");
    }
    List<String> values = new ArrayList<>();
    for (Map<String, Object> parameter : parameters) {
      values.add(display(parameter, where));
    }
    return values;
  }

  private static void checkHeaderFormat(MessageTemplate template, List<String> header) {
    // display() already refused malformed parameters; here the type must match the format.
    String format = template.headerFormat();
    if (format == null || header.isEmpty()) {
      return;
    }
    String expectedType = format.toLowerCase(Locale.ROOT);
    String shown = header.get(0);
    boolean isMedia = shown.startsWith("[");
    boolean ok = "text".equals(expectedType) ? !isMedia : shown.startsWith("[" + expectedType);
    if (!ok) {
      throw refusal(132012, "header: the template's header is " + format + ", got " + shown);
    }
  }

  private static List<String> buttons(
      MessageTemplate template, Map<String, List<Map<String, Object>>> given) {
    List<String> suffixes = new ArrayList<>();
    List<Map<String, Object>> buttons = template.buttons();
    for (int i = 0; i < buttons.size(); i++) {
      List<Map<String, Object>> parameters = given.remove("button_" + i);
      int expected = template.buttonParameterCount(i);
      if (expected == 0) {
        suffixes.add(null); // a quick reply may carry a payload parameter; nothing to render
        continue;
      }
      List<String> values = check(parameters, expected, "button " + i);
      if (values.get(0).startsWith("[")) {
        throw refusal(132012, "button " + i + ": a URL suffix must be a text parameter");
      }
      suffixes.add(values.get(0));
    }
    return suffixes;
  }

  /** What a parameter shows; refuses one whose type or fields do not fit (132012). */
  private static String display(Map<String, Object> parameter, String where) {
    Object type = parameter.get("type");
    String kind = type == null ? "" : type.toString();
    switch (kind) {
      case "text":
        if (parameter.get("text") instanceof String text && !text.isBlank()) {
          return text;
        }
        throw refusal(132012, where + ": a text parameter needs a non-empty 'text'");
      case "currency":
        return fallback(parameter, "currency", where, true);
      case "date_time":
        return fallback(parameter, "date_time", where, false);
      case "payload":
        if (where.startsWith("button")) {
          return String.valueOf(parameter.get("payload"));
        }
        throw refusal(132012, where + ": payload parameters belong to quick-reply buttons");
      case "image":
      case "video":
      case "document":
      case "location":
        if (where.equals("header") && parameter.get(kind) instanceof Map<?, ?> media) {
          Object ref = media.get("id") != null ? media.get("id") : media.get("link");
          if (ref != null || "location".equals(kind)) {
            return "[" + kind + (ref == null ? "" : " " + ref) + "]";
          }
        }
        throw refusal(
            132012,
            where
                + ": a "
                + kind
                + " parameter fits only a "
                + kind
                + " header and needs an id or a link");
      default:
        throw refusal(132012, where + ": parameter type '" + kind + "' is not valid here");
    }
  }

  private static String fallback(
      Map<String, Object> parameter, String kind, String where, boolean currency) {
    if (!(parameter.get(kind) instanceof Map<?, ?> value)
        || !(value.get("fallback_value") instanceof String fallback)
        || currency
            && (!(value.get("code") instanceof String code)
                || !code.matches("[A-Z]{3}")
                || !(value.get("amount_1000") instanceof Number))) {
      throw refusal(
          132012,
          where
              + ": a "
              + kind
              + " parameter needs "
              + (currency
                  ? "fallback_value, a 3-letter code and amount_1000"
                  : "a fallback_value"));
    }
    return fallback;
  }

  private static MessageContent render(
      MessageTemplate template,
      Map<String, Object> request,
      List<String> header,
      List<String> body,
      List<String> buttonSuffixes) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    String format = template.headerFormat();
    if ("TEXT".equals(format)) {
      rendered.put(
          "header", MessageTemplate.fill(template.component("HEADER").get("text"), header));
    } else if (format != null) {
      rendered.put("header", header.get(0));
    }
    String bodyText = MessageTemplate.fill(template.component("BODY").get("text"), body);
    rendered.put("body", bodyText);
    Object footer = template.component("FOOTER").get("text");
    if (footer != null) {
      rendered.put("footer", footer);
    }
    List<String> buttons = new ArrayList<>();
    List<Map<String, Object>> templateButtons = template.buttons();
    for (int i = 0; i < templateButtons.size(); i++) {
      Map<String, Object> button = templateButtons.get(i);
      String suffix = buttonSuffixes.get(i);
      buttons.add(
          button.get("text")
              + (suffix == null
                  ? ""
                  : " -> " + MessageTemplate.fill(button.get("url"), List.of(suffix))));
    }
    rendered.put("buttons", buttons);
    Map<String, Object> payload = new LinkedHashMap<>(request);
    payload.put("category", template.category());
    payload.put("sandbox_rendered", rendered);
    return new MessageContent(
        "template",
        "[template " + template.name() + "/" + template.language() + "] " + bodyText,
        payload,
        null);
  }

  private static GraphRefusal refusal(int code, String details) {
    return new GraphRefusal(WhatsAppErrorCatalog.of(code).withDetails(details).toGraphError());
  }
}
