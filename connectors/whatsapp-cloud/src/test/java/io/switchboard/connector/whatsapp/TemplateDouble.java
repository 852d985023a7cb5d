package io.switchboard.connector.whatsapp;

import io.switchboard.connector.whatsapp.GraphApiStub.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * {@code GET /<waba-id>/message_templates} with the Graph API's cursor paging, after Meta's
 * reference and the example in the contract: {@code {"data":[...],"paging":{"cursors":
 * {"before":"...","after":"..."},"next":"<url of the next page>"}}}; {@code next} is left out on
 * the last page; {@code limit} caps the page size. Cursors are opaque (here: the base64 of an
 * offset).
 */
final class TemplateDouble {

  private final Supplier<String> base;
  private final List<String> templates = new CopyOnWriteArrayList<>();
  private volatile boolean stuckCursor;

  TemplateDouble(Supplier<String> base) {
    this.base = base;
  }

  /** Adds a template object (JSON as Meta returns it). */
  void add(String templateJson) {
    templates.add(templateJson);
  }

  /** A faulty API that always hands back the same cursor (the catalog must not loop). */
  void stuckCursor() {
    stuckCursor = true;
  }

  Answer page(String query) {
    int limit = Math.min(100, Integer.parseInt(param(query, "limit", "25")));
    String after = param(query, "after", null);
    int from = after == null || stuckCursor ? 0 : decode(after);
    int to = Math.min(templates.size(), from + limit);
    StringBuilder json = new StringBuilder("{\"data\":[");
    json.append(String.join(",", templates.subList(from, to)));
    json.append("],\"paging\":{\"cursors\":{\"before\":\"")
        .append(encode(from))
        .append("\",\"after\":\"")
        .append(encode(stuckCursor ? 0 : to))
        .append("\"}");
    if (to < templates.size()) {
      json.append(",\"next\":\"")
          .append(base.get())
          .append("/419561257915477/message_templates?limit=")
          .append(limit)
          .append("&after=")
          .append(encode(to))
          .append('"');
    }
    return Answer.json(200, json.append("}}").toString());
  }

  private static String param(String query, String name, String fallback) {
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith(name + "=")) {
          return java.net.URLDecoder.decode(
              pair.substring(name.length() + 1), StandardCharsets.UTF_8);
        }
      }
    }
    return fallback;
  }

  private static String encode(int offset) {
    return Base64.getEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String cursor) {
    String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
    return Integer.parseInt(text.substring("offset:".length()));
  }
}
