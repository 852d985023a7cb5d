package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /sandbox/api/business-app-messages}: the business answers from its WhatsApp Business
 * app on the same number (coexistence), which Meta reports as an {@code smb_message_echoes}
 * webhook. Body {@code {"to":"+1 555 0100 123","text":"..."}}.
 */
final class BusinessAppApi {
  private final ChatLog log;
  private final WhatsAppWebhookPayloads payloads;
  private final TrackedWebhooks webhooks;

  BusinessAppApi(ChatLog log, WhatsAppWebhookPayloads payloads, TrackedWebhooks webhooks) {
    this.log = log;
    this.payloads = payloads;
    this.webhooks = webhooks;
  }

  void handle(HttpExchange exchange) throws IOException, SandboxApiException {
    Map<String, Object> body = SandboxApiIo.jsonBody(exchange);
    WaId to = SandboxApiIo.phone(body.get("to"), "to");
    String text = CustomerMessageParser.text(body, "text", 4096, true);
    ChatMessage message = log.addBusinessAppMessage(to, MessageContent.text(text));
    String json = payloads.businessAppEcho(message);
    WebhookDelivery delivery = SandboxApiIo.await(webhooks.deliver(message.wamid(), json, false));
    SandboxApiIo.sendDelivery(exchange, message.wamid(), delivery);
  }
}
