package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox API for templates: {@code GET|PUT /sandbox/api/templates} lists or replaces them (in
 * Meta's shape; ids are assigned when missing), {@code POST /sandbox/api/templates/{id}/status}
 * changes one's status and sends the {@code message_template_status_update} webhook.
 */
final class TemplatesApi {
  private static final Set<String> STATUSES =
      Set.of(
          "APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "FLAGGED", "PENDING_DELETION");

  private final TemplateStore templates;
  private final WhatsAppWebhookPayloads payloads;
  private final TrackedWebhooks webhooks;

  TemplatesApi(
      TemplateStore templates, WhatsAppWebhookPayloads payloads, TrackedWebhooks webhooks) {
    this.templates = templates;
    this.payloads = payloads;
    this.webhooks = webhooks;
  }

  void list(HttpExchange exchange) throws IOException {
    List<Object> data = new ArrayList<>();
    for (MessageTemplate template : templates.all()) {
      data.add(template.toJson());
    }
    HttpExchangeIo.sendJson(exchange, 200, Map.of("templates", data));
  }

  /** Body {@code {"templates":[...]}}, each in Meta's shape. */
  void replace(HttpExchange exchange) throws IOException, SandboxApiException {
    Map<String, Object> body = SandboxApiIo.jsonBody(exchange);
    if (!(body.get("templates") instanceof List<?> given)) {
      throw SandboxApiException.badRequest("'templates' must be an array of templates");
    }
    List<MessageTemplate> next = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      if (!(given.get(i) instanceof Map<?, ?>)) {
        throw SandboxApiException.badRequest("templates[" + i + "] must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> json = (Map<String, Object>) given.get(i);
      try {
        next.add(MessageTemplate.fromJson(json, Long.toString(1_200_000_000_000_001L + i)));
      } catch (IllegalArgumentException e) {
        throw SandboxApiException.badRequest("templates[" + i + "]: " + e.getMessage());
      }
    }
    templates.replaceAll(next);
    list(exchange);
  }

  /** Body {@code {"status":"APPROVED","reason":null}}; answers like a customer message. */
  void changeStatus(HttpExchange exchange, String id) throws IOException, SandboxApiException {
    Map<String, Object> body = SandboxApiIo.jsonBody(exchange);
    String status = String.valueOf(body.get("status")).toUpperCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw SandboxApiException.badRequest("'status' must be one of " + STATUSES);
    }
    Object reason = body.get("reason");
    MessageTemplate changed =
        templates
            .changeStatus(id, status)
            .orElseThrow(() -> new SandboxApiException(404, "No template with id " + id));
    String json = payloads.templateStatus(changed, reason == null ? null : reason.toString());
    SandboxApiIo.sendDelivery(exchange, null, SandboxApiIo.await(webhooks.deliverUntracked(json)));
  }
}
