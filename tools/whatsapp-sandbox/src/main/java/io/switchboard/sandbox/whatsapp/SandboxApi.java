package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import io.switchboard.sandbox.whatsapp.json.JsonReader;
import io.switchboard.sandbox.whatsapp.json.JsonSyntaxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The JSON API under {@code /sandbox/api/} that the phone page uses (and tests and scripts can):
 * type a customer message, read conversations, report the page showed a chat, read the public
 * configuration, and the live event stream. Errors answer {@code {"error": "..."}}.
 */
public final class SandboxApi {
  private static final int MAX_TEXT_LENGTH = 4096;

  private final SandboxConfig config;
  private final ChatLog log;
  private final WhatsAppWebhookPayloads payloads;
  private final WebhookSender sender;
  private final StatusProgression statuses;
  private final EventStream events;

  /** Wires the API. */
  public SandboxApi(
      SandboxConfig config,
      ChatLog log,
      WhatsAppWebhookPayloads payloads,
      WebhookSender sender,
      StatusProgression statuses,
      EventStream events) {
    this.config = config;
    this.log = log;
    this.payloads = payloads;
    this.sender = sender;
    this.statuses = statuses;
    this.events = events;
  }

  /** Thrown for a request the API cannot serve; becomes {@code {"error": message}}. */
  private static final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** Answers one request under {@code /sandbox/api/}. */
  public void handle(HttpExchange exchange) throws IOException {
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    try {
      switch (route) {
        case "GET /sandbox/api/events" -> events.open(exchange);
        case "POST /sandbox/api/customer-messages" -> customerMessage(exchange);
        case "GET /sandbox/api/conversation" -> conversation(exchange);
        case "GET /sandbox/api/conversations" ->
            HttpExchangeIo.sendJson(exchange, 200, Map.of("conversations", log.chats()));
        case "POST /sandbox/api/read-receipts" -> readReceipts(exchange);
        case "GET /sandbox/api/config" -> HttpExchangeIo.sendJson(exchange, 200, publicConfig());
        default -> throw new ApiException(404, "No such sandbox API route: " + route);
      }
    } catch (ApiException e) {
      HttpExchangeIo.sendJson(exchange, e.status, Map.of("error", e.getMessage()));
    } catch (HttpExchangeIo.BodyTooLargeException e) {
      HttpExchangeIo.sendJson(exchange, 413, Map.of("error", e.getMessage()));
    }
  }

  private void customerMessage(HttpExchange exchange) throws IOException, ApiException {
    Map<String, Object> body = jsonBody(exchange);
    WaId from = phone(body.get("from"), "from");
    String text = body.get("text") instanceof String t ? t : null;
    if (text == null || text.isBlank()) {
      throw new ApiException(400, "'text' is required and must be a non-empty string");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new ApiException(400, "'text' is longer than " + MAX_TEXT_LENGTH + " characters");
    }
    Object name = body.get("name");
    if (name != null && !(name instanceof String)) {
      throw new ApiException(400, "'name' must be a string");
    }
    ChatMessage message = log.addCustomerMessage(from, (String) name, text);
    WebhookDelivery delivery = await(deliverCustomerMessage(message));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("wamid", message.wamid());
    answer.put("accepted", delivery.accepted());
    answer.put("bridgeHttpStatus", delivery.httpStatus());
    answer.put("attempts", delivery.attempts());
    answer.put("error", delivery.error());
    HttpExchangeIo.sendJson(exchange, delivery.accepted() ? 200 : 502, answer);
  }

  private java.util.concurrent.CompletableFuture<WebhookDelivery> deliverCustomerMessage(
      ChatMessage message) {
    String wamid = message.wamid();
    return sender
        .deliver(
            payloads.inboundText(message),
            attempt ->
                log.noteWebhook(
                    wamid,
                    attempt.error() + " (attempt " + attempt.attempts() + ", retrying)",
                    false,
                    attempt.httpStatus()))
        .whenComplete(
            (delivery, failure) -> {
              log.noteWebhook(
                  wamid,
                  delivery.describe(config.webhookAttempts()),
                  !delivery.accepted(),
                  delivery.httpStatus());
              log.advance(
                  wamid, delivery.accepted() ? MessageStatus.DELIVERED : MessageStatus.FAILED);
            });
  }

  private void conversation(HttpExchange exchange) throws IOException, ApiException {
    WaId phone = phone(HttpExchangeIo.queryParameters(exchange).get("phone"), "phone");
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

  private void readReceipts(HttpExchange exchange) throws IOException, ApiException {
    WaId phone = phone(jsonBody(exchange).get("phone"), "phone");
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
    answer.put("demoSecrets", config.usesDemoSecrets());
    return answer;
  }

  private static Map<String, Object> jsonBody(HttpExchange exchange)
      throws IOException, ApiException {
    try {
      return JsonReader.parseObject(HttpExchangeIo.readBody(exchange));
    } catch (JsonSyntaxException e) {
      throw new ApiException(400, "Request body must be a JSON object: " + e.getMessage());
    }
  }

  private static WaId phone(Object value, String field) throws ApiException {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new ApiException(
          400, "'" + field + "' is required (a phone number, e.g. +1 555 0100 123)");
    }
    try {
      return WaId.of(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "'" + field + "': " + e.getMessage());
    }
  }

  private static WebhookDelivery await(
      java.util.concurrent.CompletableFuture<WebhookDelivery> delivery) throws ApiException {
    try {
      return delivery.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "Interrupted while delivering the webhook");
    } catch (ExecutionException e) {
      throw new ApiException(500, "Webhook delivery broke: " + e.getCause());
    }
  }
}
