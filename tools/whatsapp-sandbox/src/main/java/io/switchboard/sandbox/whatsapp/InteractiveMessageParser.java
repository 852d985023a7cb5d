package io.switchboard.sandbox.whatsapp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an interactive business message: reply buttons ({@code button}), a list ({@code list}) or a
 * call-to-action URL button ({@code cta_url}), with Meta's limits (3 buttons of 20 characters, 10
 * sections and 10 rows in all, row titles of 24 characters, body of 1024). Product, catalog, flow
 * and location-request messages are refused as not implemented by the sandbox.
 */
final class InteractiveMessageParser {
  private static final int MAX_BODY = 1024;

  private InteractiveMessageParser() {}

  static MessageContent parse(Map<String, Object> body) {
    Map<String, Object> interactive = RequestFields.object(body, "interactive", "message");
    String type = RequestFields.text(interactive, "type", "interactive", 40);
    header(interactive);
    Map<String, Object> footer = RequestFields.optionalObject(interactive, "footer", "interactive");
    if (footer != null) {
      RequestFields.text(footer, "text", "interactive['footer']", 60);
    }
    Map<String, Object> action = RequestFields.object(interactive, "action", "interactive");
    List<String> choices;
    switch (type) {
      case "button":
        choices = buttons(action);
        break;
      case "list":
        choices = list(action);
        break;
      case "cta_url":
        choices = ctaUrl(action);
        break;
      default:
        throw new GraphRefusal(GraphApiError.notImplemented("Interactive type '" + type + "'"));
    }
    String text = bodyText(interactive, type);
    return new MessageContent(
        "interactive",
        "[" + type + "] " + text + " (" + String.join(" | ", choices) + ")",
        interactive,
        null);
  }

  private static String bodyText(Map<String, Object> interactive, String type) {
    Map<String, Object> bodyObject =
        RequestFields.optionalObject(interactive, "body", "interactive");
    if (bodyObject == null) {
      throw GraphRefusal.invalid(
          "The parameter interactive['body'] is required for interactive " + type + " messages");
    }
    return RequestFields.text(bodyObject, "text", "interactive['body']", MAX_BODY);
  }

  private static void header(Map<String, Object> interactive) {
    Map<String, Object> header = RequestFields.optionalObject(interactive, "header", "interactive");
    if (header == null) {
      return;
    }
    String type = RequestFields.text(header, "type", "interactive['header']", 20);
    if ("text".equals(type)) {
      RequestFields.text(header, "text", "interactive['header']", 60);
    } else if (MediaKind.ofMessageType(type).isPresent()
        && !"sticker".equals(type)
        && !"audio".equals(type)) {
      Map<String, Object> media = RequestFields.object(header, type, "interactive['header']");
      if (media.get("id") == null && media.get("link") == null) {
        throw GraphRefusal.invalid("interactive['header']['" + type + "'] needs an id or a link");
      }
    } else {
      throw GraphRefusal.invalid("interactive['header']['type'] '" + type + "' is not valid");
    }
  }

  private static List<String> buttons(Map<String, Object> action) {
    List<?> buttons = RequestFields.list(action, "buttons", "interactive['action']", 1, 3);
    List<String> titles = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Object element : buttons) {
      Map<String, Object> button =
          RequestFields.element(element, "interactive['action']['buttons']");
      if (!"reply".equals(button.get("type"))) {
        throw GraphRefusal.invalid("interactive['action']['buttons'][]['type'] must be 'reply'");
      }
      Map<String, Object> reply = RequestFields.object(button, "reply", "buttons[]");
      String id = RequestFields.text(reply, "id", "buttons[]['reply']", 256);
      String title = RequestFields.text(reply, "title", "buttons[]['reply']", 20);
      if (!ids.add(id) || titles.contains(title)) {
        throw GraphRefusal.invalid("Button ids and titles must be unique");
      }
      titles.add(title);
    }
    return titles;
  }

  private static List<String> list(Map<String, Object> action) {
    RequestFields.text(action, "button", "interactive['action']", 20);
    List<?> sections = RequestFields.list(action, "sections", "interactive['action']", 1, 10);
    List<String> rowTitles = new ArrayList<>();
    for (Object element : sections) {
      Map<String, Object> section = RequestFields.element(element, "sections");
      if (sections.size() > 1) {
        RequestFields.text(section, "title", "sections[]", 24);
      }
      for (Object rowElement : RequestFields.list(section, "rows", "sections[]", 1, 10)) {
        Map<String, Object> row = RequestFields.element(rowElement, "sections[]['rows']");
        RequestFields.text(row, "id", "rows[]", 200);
        rowTitles.add(RequestFields.text(row, "title", "rows[]", 24));
        RequestFields.optionalText(row, "description", "rows[]", 72);
      }
    }
    if (rowTitles.size() > 10) {
      throw GraphRefusal.invalid("A list message has at most 10 rows in all its sections");
    }
    return rowTitles;
  }

  private static List<String> ctaUrl(Map<String, Object> action) {
    if (!"cta_url".equals(action.get("name"))) {
      throw GraphRefusal.invalid("interactive['action']['name'] must be 'cta_url'");
    }
    Map<String, Object> parameters =
        RequestFields.object(action, "parameters", "interactive['action']");
    String text = RequestFields.text(parameters, "display_text", "action['parameters']", 20);
    String url = RequestFields.text(parameters, "url", "action['parameters']", 2000);
    if (!OutboundContentParser.isHttpUrl(url)) {
      throw GraphRefusal.invalid("action['parameters']['url'] must be an absolute http(s) URL");
    }
    return List.of(text + " -> " + url);
  }
}
