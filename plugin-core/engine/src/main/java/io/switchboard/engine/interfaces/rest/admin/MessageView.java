package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.conversations.MessageReactions;
import io.switchboard.engine.application.pipeline.OutboundContentJson;
import io.switchboard.engine.domain.Message;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation. Optional fields are JSON null when unknown; {@code window} is the
 * channel window an outbound message went out in ({@code customer-service}, {@code
 * free-entry-point}), null for templates and inbound messages.
 */
public record MessageView(
    String id,
    String direction,
    String type,
    String status,
    String externalId,
    String body,
    String author,
    String crmEntryId,
    String errorCode,
    String errorMessage,
    String sentAt,
    String statusAt,
    String createdAt,
    String contentJson,
    String quotedExternalId,
    boolean forwarded,
    List<MessageReactions.Standing> reactions,
    String window) {
  public static MessageView of(Message m) {
    return of(m, List.of());
  }

  /** With the reactions standing on the message. */
  public static MessageView of(Message m, List<MessageReactions.Standing> reactions) {
    return new MessageView(
        m.id(),
        m.direction(),
        m.contentType(),
        m.status().name(),
        m.externalId(),
        m.body(),
        m.author(),
        m.crmEntryId(),
        m.errorCode(),
        m.errorMessage(),
        Objects.toString(m.sentAt(), null),
        Objects.toString(m.statusAt(), null),
        Objects.toString(m.createdAt(), null),
        m.contentJson(),
        m.quotedExternalId(),
        m.forwarded(),
        reactions,
        OutboundContentJson.windowOf(m));
  }

  public JsonObject toJson() {
    var b =
        AdminJson.object()
            .add("id", id)
            .add("direction", direction)
            .add("type", type)
            .add("status", status);
    AdminJson.nullable(b, "externalId", externalId);
    AdminJson.nullable(b, "body", body);
    AdminJson.nullable(b, "author", author);
    AdminJson.nullable(b, "crmEntryId", crmEntryId);
    AdminJson.nullable(b, "errorCode", errorCode);
    AdminJson.nullable(b, "errorMessage", errorMessage);
    AdminJson.nullable(b, "sentAt", sentAt);
    AdminJson.nullable(b, "statusAt", statusAt);
    AdminJson.nullable(b, "createdAt", createdAt);
    b.add("content", AdminJson.parsedOrNull(contentJson));
    AdminJson.nullable(b, "quotedExternalId", quotedExternalId);
    b.add("forwarded", forwarded);
    var standing = io.switchboard.engine.infrastructure.EngineJson.PROVIDER.createArrayBuilder();
    for (MessageReactions.Standing r : reactions) {
      standing.add(
          AdminJson.object()
              .add("emoji", r.emoji())
              .add("from", r.fromCustomer() ? "customer" : "business"));
    }
    b.add("reactions", standing);
    AdminJson.nullable(b, "window", window);
    return b.build();
  }
}
