package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /{version}/{waba-id}/message_templates}: the account's templates with Meta's cursor
 * paging ({@code limit}, {@code after}, {@code before}; {@code paging.cursors} and {@code
 * paging.next}/{@code previous}) and the {@code name}, {@code status}, {@code language} and {@code
 * category} filters. Cursors are opaque base64 strings, as Meta's are.
 */
final class GraphTemplatesHandler {
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 1000;

  private final TemplateStore templates;

  GraphTemplatesHandler(TemplateStore templates) {
    this.templates = templates;
  }

  GraphAnswer list(HttpExchange exchange, String version, String wabaId) {
    Map<String, String> query = HttpExchangeIo.queryParameters(exchange);
    List<MessageTemplate> matching = new ArrayList<>();
    for (MessageTemplate template : templates.all()) {
      if (matches(template, query)) {
        matching.add(template);
      }
    }
    int limit = limit(query.get("limit"));
    int from = 0;
    int to = matching.size();
    if (query.get("after") != null) {
      from = indexOf(matching, query.get("after"), "after") + 1;
      to = Math.min(matching.size(), from + limit);
    } else if (query.get("before") != null) {
      to = indexOf(matching, query.get("before"), "before");
      from = Math.max(0, to - limit);
    } else {
      to = Math.min(matching.size(), limit);
    }
    List<Object> data = new ArrayList<>();
    for (MessageTemplate template : matching.subList(from, to)) {
      data.add(template.toJson());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("data", data);
    if (!data.isEmpty()) {
      answer.put("paging", paging(exchange, version, wabaId, query, matching, from, to, limit));
    }
    return GraphAnswer.ok(answer);
  }

  private static Map<String, Object> paging(
      HttpExchange exchange,
      String version,
      String wabaId,
      Map<String, String> query,
      List<MessageTemplate> matching,
      int from,
      int to,
      int limit) {
    String before = cursor(matching.get(from));
    String after = cursor(matching.get(to - 1));
    Map<String, Object> paging = new LinkedHashMap<>();
    paging.put("cursors", Map.of("before", before, "after", after));
    String base =
        "http://"
            + exchange.getRequestHeaders().getFirst("Host")
            + "/"
            + version
            + "/"
            + wabaId
            + "/message_templates?limit="
            + limit
            + filters(query);
    if (to < matching.size()) {
      paging.put("next", base + "&after=" + after);
    }
    if (from > 0) {
      paging.put("previous", base + "&before=" + before);
    }
    return paging;
  }

  private static String filters(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("name", "status", "language", "category", "fields")) {
      if (query.get(name) != null) {
        out.append('&')
            .append(name)
            .append('=')
            .append(URLEncoder.encode(query.get(name), StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  private static boolean matches(MessageTemplate template, Map<String, String> query) {
    return (query.get("name") == null || template.name().contains(query.get("name")))
        && (query.get("status") == null || template.status().equalsIgnoreCase(query.get("status")))
        && (query.get("language") == null || template.language().equals(query.get("language")))
        && (query.get("category") == null
            || template.category().equalsIgnoreCase(query.get("category")));
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw GraphRefusal.invalid("Param limit must be a number between 1 and " + MAX_LIMIT);
  }

  private static int indexOf(List<MessageTemplate> templates, String cursor, String param) {
    for (int i = 0; i < templates.size(); i++) {
      if (cursor(templates.get(i)).equals(cursor)) {
        return i;
      }
    }
    throw GraphRefusal.invalid("Param " + param + " is not a valid cursor");
  }

  private static String cursor(MessageTemplate template) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("sbx-template:" + template.id()).getBytes(StandardCharsets.UTF_8));
  }
}
