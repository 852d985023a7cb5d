package io.switchboard.sandbox.whatsapp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /sandbox/api/customer-messages}: the customer sends a message of any type (see {@link
 * CustomerMessageParser}), optionally quoting one ({@code replyTo}: a wamid of the chat) or coming
 * from a click-to-WhatsApp ad ({@code adReferral}: {@code true} or fields of Meta's {@code
 * referral} object). The message opens the customer service window and reaches the bridge as a
 * signed webhook; the answer says what the bridge made of it.
 */
final class CustomerMessageApi {
  private final SandboxConfig config;
  private final ChatLog log;
  private final CustomerWindows windows;
  private final CustomerMessageParser parser;
  private final WhatsAppWebhookPayloads payloads;
  private final TrackedWebhooks webhooks;
  private final SecureRandom random = new SecureRandom();

  CustomerMessageApi(
      SandboxConfig config,
      ChatLog log,
      CustomerWindows windows,
      CustomerMessageParser parser,
      WhatsAppWebhookPayloads payloads,
      TrackedWebhooks webhooks) {
    this.config = config;
    this.log = log;
    this.windows = windows;
    this.parser = parser;
    this.payloads = payloads;
    this.webhooks = webhooks;
  }

  void handle(HttpExchange exchange) throws IOException, SandboxApiException {
    Map<String, Object> body =
        SandboxApiIo.jsonBody(exchange, SandboxApiIo.MAX_CUSTOMER_MESSAGE_BYTES);
    WaId from = SandboxApiIo.phone(body.get("from"), "from");
    Object name = body.get("name");
    if (name != null && !(name instanceof String)) {
      throw SandboxApiException.badRequest("'name' must be a string");
    }
    String type = CustomerMessageParser.text(body, "type", 40, false);
    MessageContent content = parser.parse(type == null ? "text" : type, body);
    Map<String, Object> context = context(body, from);
    if (context != null) {
      content = content.replyingTo((String) context.get("id"));
    }
    String reactedTo = reactionTarget(content, from);
    Map<String, Object> referral = referral(body.get("adReferral"));
    ChatMessage message = log.addCustomerMessage(from, (String) name, content);
    windows.customerWrote(from, message.timestamp());
    if (reactedTo != null) {
      log.react(reactedTo, "customer", (String) content.payload().get("emoji"));
    }
    String json = payloads.inboundMessage(message, context, referral);
    WebhookDelivery delivery = SandboxApiIo.await(webhooks.deliver(message.wamid(), json, true));
    SandboxApiIo.sendDelivery(exchange, message.wamid(), delivery);
  }

  /** Meta's {@code context} for a quoted message: who wrote it and its wamid. */
  private Map<String, Object> context(Map<String, Object> body, WaId from)
      throws SandboxApiException {
    String replyTo = CustomerMessageParser.text(body, "replyTo", 200, false);
    if (replyTo == null) {
      return null;
    }
    ChatMessage quoted = chatMessage(replyTo, from, "replyTo");
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("from", quoted.fromBusiness() ? config.displayPhoneNumber() : from.digits());
    context.put("id", quoted.wamid());
    return context;
  }

  private String reactionTarget(MessageContent content, WaId from) throws SandboxApiException {
    if (!"reaction".equals(content.type())) {
      return null;
    }
    return chatMessage((String) content.payload().get("message_id"), from, "reaction.messageId")
        .wamid();
  }

  private ChatMessage chatMessage(String wamid, WaId phone, String field)
      throws SandboxApiException {
    ChatMessage message = log.find(wamid).orElse(null);
    if (message == null || !message.phone().equals(phone)) {
      throw SandboxApiException.badRequest(
          "'" + field + "' " + wamid + " is not a message of the chat with " + phone);
    }
    return message;
  }

  /** The ad referral: Meta's example values, overridden by the given fields. */
  private Map<String, Object> referral(Object requested) throws SandboxApiException {
    if (requested == null || Boolean.FALSE.equals(requested)) {
      return null;
    }
    if (!Boolean.TRUE.equals(requested) && !(requested instanceof Map)) {
      throw SandboxApiException.badRequest("'adReferral' must be true or an object");
    }
    byte[] clid = new byte[48];
    random.nextBytes(clid);
    Map<String, Object> referral = new LinkedHashMap<>();
    referral.put("source_url", "https://fb.me/3cr4Wqqkv");
    referral.put("source_id", "120226305854810726");
    referral.put("source_type", "ad");
    referral.put("body", "Summer Succulents are here!");
    referral.put("headline", "Chat with us");
    referral.put("media_type", "image");
    referral.put("image_url", "https://scontent.xx.fbcdn.net/v/t45.1-sandbox-ad.jpg");
    referral.put("ctwa_clid", Base64.getUrlEncoder().withoutPadding().encodeToString(clid));
    referral.put("welcome_message", Map.of("text", "Hi there! Let us know how we can help!"));
    if (requested instanceof Map<?, ?> overrides) {
      overrides.forEach((key, value) -> referral.put(String.valueOf(key), value));
    }
    return referral;
  }
}
