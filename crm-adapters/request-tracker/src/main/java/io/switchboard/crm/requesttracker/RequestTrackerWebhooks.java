package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtAttachment;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtWebhookEvent;
import io.switchboard.plugin.support.HmacSha256Signature;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.capability.FieldTarget;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
  private final RequestTrackerFieldChanges fieldChanges;
  private final Clock clock;

  /**
   * @param secret the scrip's HMAC key, or {@code null} to reject every webhook
   */
  RequestTrackerWebhooks(
      String queue,
      String secret,
      RequestTrackerEventClassifier classifier,
      RequestTrackerFieldChanges fieldChanges,
      Clock clock) {
    this.queue = queue;
    this.signature = secret == null || secret.isEmpty() ? null : new HmacSha256Signature(secret);
    this.classifier = classifier;
    this.fieldChanges = fieldChanges;
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
    Optional<RequestTrackerFieldEdit> edit = fieldEdit(event);
    if (edit.isPresent()) {
      return fieldChanges.classify(edit.get()).<List<CrmEvent>>map(List::of).orElse(List.of());
    }
    // A scrip from before message_id cannot tell a reply the bridge recorded for an agent (inbox
    // view, already sent) from one typed in RT: its Correspond is left to polling, which reads the
    // Message-ID (upgrade.pl step 8 adds the key).
    Boolean privileged =
        json.asJsonObject().containsKey("message_id") ? event.creatorPrivileged() : null;
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
            privileged,
            RequestTrackerTicketChange.instant(event.created(), clock),
            event.contentHtml() != null
                ? AgentReplyText.fromHtml(event.contentHtml())
                : AgentReplyText.fromPlain(event.content()),
            files,
            event.requestors(),
            event.owner(),
            event.newValue(),
            event.queue(),
            conversationId,
            event.messageId());
    return classifier.classify(change).map(List::of).orElse(List.of());
  }

  /**
   * A ticket field transaction of the schema: a custom field (the scrip sends its name as {@code
   * field}, and its type and MaxValues since upgrade.pl step 7; without them a field counts as
   * single-valued) or a {@code Set} of {@code Subject}/{@code Priority}.
   */
  private Optional<RequestTrackerFieldEdit> fieldEdit(RtWebhookEvent event) {
    String key;
    boolean multiValued = false;
    String type = null;
    if (RequestTrackerFieldChanges.isCustomField(event.event())) {
      type = event.fieldType();
      if (event.field() == null || !RequestTrackerFieldChanges.isValueType(event.fieldType())) {
        return Optional.empty();
      }
      key = RequestTrackerFieldChanges.customFieldKey(FieldTarget.TICKET, event.field());
      multiValued = event.fieldMaxValues() != null && event.fieldMaxValues() != 1;
    } else {
      Optional<String> core =
          RequestTrackerFieldChanges.coreKey(FieldTarget.TICKET, event.event(), event.field());
      if (core.isEmpty()) {
        return Optional.empty();
      }
      key = core.get();
    }
    List<String> values = event.customFields().get(event.field());
    String rtType = type;
    return Optional.of(
        new RequestTrackerFieldEdit(
            event.transactionId(),
            FieldTarget.TICKET,
            event.ticketId(),
            key,
            multiValued,
            values == null
                ? List.of()
                : values.stream().map(v -> RequestTrackerFieldChanges.asRead(rtType, v)).toList(),
            RequestTrackerFieldChanges.asRead(type, event.oldValue()),
            RequestTrackerFieldChanges.asRead(type, event.newValue()),
            event.creator(),
            RequestTrackerTicketChange.instant(event.created(), clock)));
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
