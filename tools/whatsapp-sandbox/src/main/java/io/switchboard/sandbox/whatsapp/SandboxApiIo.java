package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import io.switchboard.sandbox.whatsapp.json.JsonReader;
import io.switchboard.sandbox.whatsapp.json.JsonSyntaxException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Reading sandbox API requests and answering them, shared by the API's parts. */
final class SandboxApiIo {
  /** Customer messages may carry a file as base64: 20 MB of file, a third more as text. */
  static final int MAX_CUSTOMER_MESSAGE_BYTES = 28 << 20;

  private SandboxApiIo() {}

  static Map<String, Object> jsonBody(HttpExchange exchange)
      throws IOException, SandboxApiException {
    return jsonBody(exchange, HttpExchangeIo.MAX_BODY_BYTES);
  }

  static Map<String, Object> jsonBody(HttpExchange exchange, int limit)
      throws IOException, SandboxApiException {
    try {
      return JsonReader.parseObject(HttpExchangeIo.readBody(exchange, limit));
    } catch (JsonSyntaxException e) {
      throw SandboxApiException.badRequest("Request body must be a JSON object: " + e.getMessage());
    }
  }

  static WaId phone(Object value, String field) throws SandboxApiException {
    if (!(value instanceof String text) || text.isBlank()) {
      throw SandboxApiException.badRequest(
          "'" + field + "' is required (a phone number, e.g. +1 555 0100 123)");
    }
    try {
      return WaId.of(text);
    } catch (IllegalArgumentException e) {
      throw SandboxApiException.badRequest("'" + field + "': " + e.getMessage());
    }
  }

  static WebhookDelivery await(CompletableFuture<WebhookDelivery> delivery)
      throws SandboxApiException {
    try {
      return delivery.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxApiException(503, "Interrupted while delivering the webhook");
    } catch (ExecutionException e) {
      throw new SandboxApiException(500, "Webhook delivery broke: " + e.getCause());
    }
  }

  /** Answers 200 if the bridge took the webhook, else 502, with the delivery's outcome. */
  static void sendDelivery(HttpExchange exchange, String wamid, WebhookDelivery delivery)
      throws IOException {
    Map<String, Object> answer = new LinkedHashMap<>();
    if (wamid != null) {
      answer.put("wamid", wamid);
    }
    answer.put("accepted", delivery.accepted());
    answer.put("bridgeHttpStatus", delivery.httpStatus());
    answer.put("attempts", delivery.attempts());
    answer.put("error", delivery.error());
    HttpExchangeIo.sendJson(exchange, delivery.accepted() ? 200 : 502, answer);
  }
}
