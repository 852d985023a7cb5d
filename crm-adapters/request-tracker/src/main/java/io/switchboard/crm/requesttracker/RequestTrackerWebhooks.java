package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtAttachment;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtWebhookEvent;
import io.switchboard.plugin.support.HmacSha256Signature;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmEvent;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Switchboard webhook" scrip's requests: checks their {@code X-RT-Signature} and turns their
 * bodies into neutral events through the {@link RequestTrackerEventClassifier}, without calling RT
 * (the scrip waits for the answer inside one of RT's few workers).
 */
final class RequestTrackerWebhooks {
  static final String SIGNATURE_HEADER = "X-RT-Signature";

  private final String queue;
  private final HmacSha256Signature signature;
  private final RequestTrackerEventClassifier classifier;
  private final Clock clock;

  /**
   * @param secret the scrip's HMAC key, or {@code null} to reject every webhook
   */
  RequestTrackerWebhooks(
      String queue, String secret, RequestTrackerEventClassifier classifier, Clock clock) {
    this.queue = queue;
    this.signature = secret == null || secret.isEmpty() ? null : new HmacSha256Signature(secret);
    this.classifier = classifier;
    this.clock = clock;
  }

  /** The scrip signs with {@code X-RT-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>}. */
  boolean isAuthentic(WebhookRequest request) {
    return signature != null
        && request
            .header(SIGNATURE_HEADER)
            .filter(header -> header.trim().startsWith("sha256="))
            .map(header -> signature.verify(header, request.body()))
            .orElse(false);
  }

  List<CrmEvent> parse(byte[] body) throws MalformedPayloadException {
    JsonValue json;
    try (JsonReader reader = RtJson.JSON.createReader(new ByteArrayInputStream(body))) {
      json = reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedPayloadException("the RT webhook body is not JSON: " + e.getMessage(), e);
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new MalformedPayloadException(
          "the RT webhook body is a JSON " + json.getValueType() + ", not an object", null);
    }
    RtWebhookEvent event;
    try {
      event = RtWebhookEvent.fromJson(json.asJsonObject());
    } catch (IllegalArgumentException missing) {
      throw new MalformedPayloadException(missing.getMessage(), missing);
    }
    String conversationId = conversationId(event);
    boolean movedAway =
        RequestTrackerEventClassifier.isQueueChange(event.event(), event.field())
            && conversationId != null;
    if (event.queue() != null && !event.queue().equalsIgnoreCase(queue) && !movedAway) {
      return List.of(); // another queue's ticket: not this connection's business
    }
    List<Attachment> files = new ArrayList<>();
    for (RtAttachment file : event.attachments()) {
      files.add(RequestTrackerTicketChange.attachmentReference(file));
    }
    RequestTrackerTicketChange change =
        new RequestTrackerTicketChange(
            event.transactionId(),
            event.ticketId(),
            event.event(),
            event.field(),
            event.creator(),
            event.creatorPrivileged(),
            RequestTrackerTicketChange.instant(event.created(), clock),
            event.contentHtml() != null
                ? AgentReplyText.fromHtml(event.contentHtml())
                : AgentReplyText.fromPlain(event.content()),
            files,
            event.requestors(),
            event.owner(),
            event.newValue(),
            event.queue(),
            conversationId);
    return classifier.classify(change).map(List::of).orElse(List.of());
  }

  /**
   * The scrip's {@code conversation_id} (the ticket's own or a merged ticket's), else the ticket's
   * custom field as older scrips send it.
   */
  private static String conversationId(RtWebhookEvent event) {
    if (event.conversationId() != null) {
      return event.conversationId();
    }
    List<String> values = event.customFields().get(RequestTrackerTickets.CF_CONVERSATION_ID);
    return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }
}
