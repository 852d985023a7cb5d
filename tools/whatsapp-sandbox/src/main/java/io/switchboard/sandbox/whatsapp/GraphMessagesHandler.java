package io.switchboard.sandbox.whatsapp;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /{version}/{phone-number-id}/messages}: a business message of any type the sandbox
 * plays (text, media, location, contacts, reaction, interactive, template, with an optional {@code
 * context} reply), or marking a customer message read. Checks the body (code 100), templates
 * (132xxx) and Meta's limits ({@link SendGate}), records the message and starts its statuses.
 */
final class GraphMessagesHandler {
  private static final java.util.Set<String> BASIC_TYPES =
      java.util.Set.of(
          "text",
          "image",
          "video",
          "audio",
          "document",
          "sticker",
          "location",
          "contacts",
          "reaction");

  private final SandboxConfig config;
  private final Clock clock;
  private final ChatLog log;
  private final StatusProgression statuses;
  private final OutboundContentParser basicTypes;
  private final TemplateMessageValidator templates;
  private final SendGate gate;
  private final Faults faults;
  private final SandboxStats stats;

  GraphMessagesHandler(
      SandboxConfig config,
      Clock clock,
      ChatLog log,
      StatusProgression statuses,
      OutboundContentParser basicTypes,
      TemplateMessageValidator templates,
      SendGate gate,
      Faults faults,
      SandboxStats stats) {
    this.config = config;
    this.clock = clock;
    this.log = log;
    this.statuses = statuses;
    this.basicTypes = basicTypes;
    this.templates = templates;
    this.gate = gate;
    this.faults = faults;
    this.stats = stats;
  }

  GraphAnswer handle(Map<String, Object> body) {
    if (!"whatsapp".equals(body.get("messaging_product"))) {
      throw GraphRefusal.invalid(
          "The parameter messaging_product is required and must be 'whatsapp'");
    }
    if (body.containsKey("status")) {
      return markRead(body);
    }
    try {
      return send(body);
    } catch (GraphRefusal refusal) {
      stats.rejected(refusal.error().code());
      throw refusal;
    }
  }

  private GraphAnswer send(Map<String, Object> body) {
    Object recipientType = body.getOrDefault("recipient_type", "individual");
    if (!"individual".equals(recipientType)) {
      throw new GraphRefusal(
          GraphApiError.notImplemented("recipient_type '" + recipientType + "'"));
    }
    if (!(body.get("to") instanceof String to) || to.isBlank()) {
      throw GraphRefusal.invalid("The parameter to is required and must be a phone number string");
    }
    WaId recipient;
    try {
      recipient = WaId.of(to);
    } catch (IllegalArgumentException e) {
      throw GraphRefusal.invalid("Invalid 'to': " + e.getMessage());
    }
    String type = String.valueOf(body.getOrDefault("type", "text"));
    OutboundMessage message = read(type, body, recipient);
    MessageContent content = withContext(message.content(), body);
    WhatsAppErrorCatalog.Entry windowFailure = gate.admit(recipient, "template".equals(type));
    ChatMessage recorded = log.addBusinessMessage(recipient, content);
    stats.accepted(config.phoneNumberId(), recipient, clock.millis());
    if ("reaction".equals(type)) {
      log.react(
          (String) content.payload().get("message_id"),
          "business",
          (String) content.payload().get("emoji"));
    }
    WhatsAppErrorCatalog.Entry failure = laterFailure(windowFailure, message.laterFailure());
    if (failure == null) {
      statuses.start(recorded);
    } else {
      statuses.startFailing(recorded, failure);
    }
    return GraphAnswer.ok(sendAnswer(to, recipient, recorded.wamid(), "template".equals(type)));
  }

  private OutboundMessage read(String type, Map<String, Object> body, WaId recipient) {
    if (BASIC_TYPES.contains(type)) {
      return basicTypes.parse(type, body, recipient);
    }
    if ("interactive".equals(type)) {
      return OutboundMessage.of(InteractiveMessageParser.parse(body));
    }
    if ("template".equals(type)) {
      return OutboundMessage.of(templates.validate(body));
    }
    throw GraphRefusal.invalid(
        "Message type '"
            + type
            + "' is not implemented by the sandbox (NOT_IMPLEMENTED; it plays "
            + "text, image, video, audio, document, sticker, location, contacts, reaction, "
            + "interactive and template)");
  }

  private static MessageContent withContext(MessageContent content, Map<String, Object> body) {
    Map<String, Object> context = RequestFields.optionalObject(body, "context", "message");
    if (context == null) {
      return content;
    }
    return content.replyingTo(RequestFields.text(context, "message_id", "context", 200));
  }

  private WhatsAppErrorCatalog.Entry laterFailure(
      WhatsAppErrorCatalog.Entry window, WhatsAppErrorCatalog.Entry media) {
    if (window != null) {
      return window;
    }
    if (media != null) {
      return media;
    }
    Integer injected = faults.takeDeliveryFailure();
    return injected == null ? null : WhatsAppErrorCatalog.of(injected);
  }

  private GraphAnswer markRead(Map<String, Object> body) {
    if (!"read".equals(body.get("status"))) {
      throw GraphRefusal.invalid(
          "status '" + body.get("status") + "' is not supported (only 'read' is)");
    }
    if (!(body.get("message_id") instanceof String wamid) || wamid.isBlank()) {
      throw GraphRefusal.invalid("The parameter message_id is required");
    }
    ChatMessage message = log.find(wamid).orElse(null);
    if (message == null || message.direction() != ChatMessage.Direction.CUSTOMER) {
      throw GraphRefusal.invalid(
          "message_id '" + wamid + "' is not a message this sandbox received from a customer");
    }
    log.advance(wamid, MessageStatus.READ);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    return GraphAnswer.ok(answer);
  }

  private static Map<String, Object> sendAnswer(
      String to, WaId recipient, String wamid, boolean template) {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("input", to);
    contact.put("wa_id", recipient.digits());
    Map<String, Object> sent = new LinkedHashMap<>();
    sent.put("id", wamid);
    if (template) {
      sent.put("message_status", "accepted"); // Meta adds it to template sends
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("messaging_product", "whatsapp");
    answer.put("contacts", List.of(contact));
    answer.put("messages", List.of(sent));
    return answer;
  }
}
