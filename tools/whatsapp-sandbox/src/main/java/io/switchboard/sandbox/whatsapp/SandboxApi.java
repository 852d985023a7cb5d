package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON API under {@code /sandbox/api/} that the phone page uses (and tests and scripts can):
 * the customer's messages, conversations, the page's read receipts, configuration, the demo
 * catalog, media for the page, the live event stream, and the test hooks (faults, stats, templates,
 * the service window, business-app echoes). Errors answer {@code {"error": "..."}}.
 */
public final class SandboxApi {
  private static final Pattern LAST_MESSAGE_AT =
      Pattern.compile("^POST /sandbox/api/customers/([^/]+)/last-message-at$");
  private static final Pattern TEMPLATE_STATUS =
      Pattern.compile("^POST /sandbox/api/templates/([^/]+)/status$");
  private static final Pattern MEDIA = Pattern.compile("^GET /sandbox/api/media/([0-9]+)$");

  private final SandboxConfig config;
  private final ChatLog log;
  private final StatusProgression statuses;
  private final EventStream events;
  private final MediaStore media;
  private final CustomerMessageApi customerMessages;
  private final BusinessAppApi businessApp;
  private final TemplatesApi templates;
  private final TestHooksApi hooks;

  SandboxApi(
      SandboxConfig config,
      ChatLog log,
      StatusProgression statuses,
      EventStream events,
      MediaStore media,
      CustomerMessageApi customerMessages,
      BusinessAppApi businessApp,
      TemplatesApi templates,
      TestHooksApi hooks) {
    this.config = config;
    this.log = log;
    this.statuses = statuses;
    this.events = events;
    this.media = media;
    this.customerMessages = customerMessages;
    this.businessApp = businessApp;
    this.templates = templates;
    this.hooks = hooks;
  }

  /** Answers one request under {@code /sandbox/api/}. */
  public void handle(HttpExchange exchange) throws IOException {
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    try {
      if (!fixedRoute(route, exchange)) {
        parameterRoute(route, exchange);
      }
    } catch (SandboxApiException e) {
      HttpExchangeIo.sendJson(exchange, e.status(), Map.of("error", e.getMessage()));
    } catch (HttpExchangeIo.BodyTooLargeException e) {
      HttpExchangeIo.sendJson(exchange, 413, Map.of("error", e.getMessage()));
    }
  }

  private boolean fixedRoute(String route, HttpExchange exchange)
      throws IOException, SandboxApiException {
    switch (route) {
      case "GET /sandbox/api/events" -> events.open(exchange);
      case "POST /sandbox/api/customer-messages" -> customerMessages.handle(exchange);
      case "POST /sandbox/api/business-app-messages" -> businessApp.handle(exchange);
      case "GET /sandbox/api/conversation" -> conversation(exchange);
      case "GET /sandbox/api/conversations" ->
          HttpExchangeIo.sendJson(exchange, 200, Map.of("conversations", log.chats()));
      case "POST /sandbox/api/read-receipts" -> readReceipts(exchange);
      case "GET /sandbox/api/config" -> HttpExchangeIo.sendJson(exchange, 200, publicConfig());
      case "GET /sandbox/api/catalog" ->
          HttpExchangeIo.sendJson(exchange, 200, DemoCatalog.toJson());
      case "GET /sandbox/api/faults" -> hooks.showFaults(exchange);
      case "POST /sandbox/api/faults" -> hooks.faults(exchange);
      case "GET /sandbox/api/stats" -> hooks.stats(exchange);
      case "POST /sandbox/api/stats/reset" -> hooks.resetStats(exchange);
      case "GET /sandbox/api/templates" -> templates.list(exchange);
      case "PUT /sandbox/api/templates" -> templates.replace(exchange);
      default -> {
        return false;
      }
    }
    return true;
  }

  private void parameterRoute(String route, HttpExchange exchange)
      throws IOException, SandboxApiException {
    Matcher lastMessageAt = LAST_MESSAGE_AT.matcher(route);
    Matcher templateStatus = TEMPLATE_STATUS.matcher(route);
    Matcher mediaFile = MEDIA.matcher(route);
    if (lastMessageAt.matches()) {
      hooks.lastMessageAt(
          exchange,
          java.net.URLDecoder.decode(
              lastMessageAt.group(1), java.nio.charset.StandardCharsets.UTF_8));
    } else if (templateStatus.matches()) {
      templates.changeStatus(exchange, templateStatus.group(1));
    } else if (mediaFile.matches()) {
      mediaFile(exchange, mediaFile.group(1));
    } else {
      throw new SandboxApiException(404, "No such sandbox API route: " + route);
    }
  }

  /** The bytes of a media file, for the phone page (no token: the page is the customer). */
  private void mediaFile(HttpExchange exchange, String id) throws IOException, SandboxApiException {
    StoredMedia stored =
        media.find(id).orElseThrow(() -> new SandboxApiException(404, "No media with id " + id));
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (stored.kind() == MediaKind.DOCUMENT) {
      exchange.getResponseHeaders().set("Content-Disposition", "attachment");
    }
    HttpExchangeIo.send(exchange, 200, stored.mimeType(), stored.bytes());
  }

  private void conversation(HttpExchange exchange) throws IOException, SandboxApiException {
    WaId phone = SandboxApiIo.phone(HttpExchangeIo.queryParameters(exchange).get("phone"), "phone");
    List<Map<String, Object>> messages = new ArrayList<>();
    for (ChatMessage message : log.conversation(phone)) {
      messages.add(message.toJson());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("phone", phone.digits());
    answer.put("name", log.nameOf(phone));
    answer.put("messages", messages);
    HttpExchangeIo.sendJson(exchange, 200, answer);
  }

  private void readReceipts(HttpExchange exchange) throws IOException, SandboxApiException {
    WaId phone = SandboxApiIo.phone(SandboxApiIo.jsonBody(exchange).get("phone"), "phone");
    HttpExchangeIo.sendJson(exchange, 200, Map.of("markedRead", statuses.phoneShowedChat(phone)));
  }

  private Map<String, Object> publicConfig() {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("webhookUrl", config.webhookUrl().toString());
    answer.put("phoneNumberId", config.phoneNumberId());
    answer.put("displayPhoneNumber", config.displayPhoneNumber());
    answer.put("wabaId", config.wabaId());
    answer.put("readReceipts", config.readReceipts().name().toLowerCase(java.util.Locale.ROOT));
    answer.put("webhookAttempts", config.webhookAttempts());
    answer.put("mediaUrlTtlMs", config.mediaUrlTtl().toMillis());
    SendLimitSettings limits = config.limits();
    answer.put("messagesPerSecond", limits.messagesPerSecond());
    answer.put("pairIntervalMs", limits.pairInterval().toMillis());
    answer.put("pairBurst", limits.pairBurst());
    answer.put("serviceWindowHours", limits.serviceWindow().toHours());
    answer.put("windowError", limits.windowErrorMode().name().toLowerCase(java.util.Locale.ROOT));
    answer.put("demoSecrets", config.usesDemoSecrets());
    return answer;
  }
}
