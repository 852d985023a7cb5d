package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.infrastructure.EngineJson;
import io.switchboard.spi.Attachment;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.crm.AgentReply;
import io.switchboard.spi.crm.AssignmentChange;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.TicketStatusChange;
import io.switchboard.spi.crm.capability.FieldTarget;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The engine's own JSON form of CRM events, as kept in the inbound ledger: the same form whether
 * the event came by webhook or by polling, so both paths dedupe against each other. Fields added
 * later are optional on reading, so rows written by an older version stay readable.
 */
final class CrmEventJson {
  private CrmEventJson() {}

  static byte[] write(CrmEvent event) {
    JsonObjectBuilder b = EngineJson.PROVIDER.createObjectBuilder();
    b.add("eventId", event.eventId());
    addNullable(b, "ticketId", event.ticketId());
    if (event instanceof AgentReply r) {
      b.add("type", "agent-reply");
      addNullable(b, "author", r.author());
      addNullable(b, "text", r.text());
      addNullable(b, "at", r.at() == null ? null : r.at().toString());
      if (r.conversationId() != null) {
        b.add("conversationId", r.conversationId());
      }
      if (!r.attachments().isEmpty()) {
        b.add("attachments", attachments(r.attachments()));
      }
    } else if (event instanceof AssignmentChange a) {
      b.add("type", "assignment");
      addNullable(b, "assignee", a.assignee());
      if (a.group() != null) {
        b.add("group", a.group());
      }
      addNullable(b, "at", a.at() == null ? null : a.at().toString());
    } else if (event instanceof TicketStatusChange s) {
      b.add("type", "ticket-status").add("state", s.state().name());
      addNullable(b, "mergedInto", s.mergedIntoTicketId());
      addNullable(b, "at", s.at() == null ? null : s.at().toString());
    } else if (event instanceof FieldChange f) {
      b.add("type", "field-change")
          .add("target", f.target().name())
          .add("objectId", f.objectId())
          .add("field", f.field());
      addNullable(b, "oldValue", f.oldValue());
      addNullable(b, "newValue", f.newValue());
      addNullable(b, "author", f.author());
      addNullable(b, "at", f.at() == null ? null : f.at().toString());
    }
    return b.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  static CrmEvent read(byte[] body) throws MalformedPayloadException {
    try (JsonReader reader = EngineJson.PROVIDER.createReader(new ByteArrayInputStream(body))) {
      JsonObject o = reader.readObject();
      String at = o.getString("at", null);
      Instant when = at == null ? null : Instant.parse(at);
      String type = o.getString("type");
      return switch (type) {
        case "agent-reply" ->
            new AgentReply(
                o.getString("eventId"),
                o.getString("ticketId"),
                o.getString("author", null),
                o.getString("text", null),
                attachments(o),
                when,
                o.getString("conversationId", null));
        case "assignment" ->
            new AssignmentChange(
                o.getString("eventId"),
                o.getString("ticketId"),
                o.getString("assignee", null),
                o.getString("group", null),
                when);
        case "ticket-status" ->
            new TicketStatusChange(
                o.getString("eventId"),
                o.getString("ticketId"),
                TicketState.valueOf(o.getString("state")),
                o.getString("mergedInto", null),
                when);
        case "field-change" ->
            new FieldChange(
                o.getString("eventId"),
                o.getString("ticketId", null),
                FieldTarget.valueOf(o.getString("target")),
                o.getString("objectId"),
                o.getString("field"),
                o.getString("oldValue", null),
                o.getString("newValue", null),
                o.getString("author", null),
                when);
        default -> throw new MalformedPayloadException("unknown CRM event type " + type, null);
      };
    } catch (RuntimeException e) {
      throw new MalformedPayloadException("stored CRM event unreadable: " + e.getMessage(), e);
    }
  }

  private static void addNullable(JsonObjectBuilder b, String key, String value) {
    if (value == null) {
      b.addNull(key);
    } else {
      b.add(key, value);
    }
  }

  /** The files of an agent reply, by reference (their bytes stay in the CRM until sent). */
  private static jakarta.json.JsonArrayBuilder attachments(List<Attachment> files) {
    jakarta.json.JsonArrayBuilder a = EngineJson.PROVIDER.createArrayBuilder();
    for (Attachment f : files) {
      JsonObjectBuilder o = EngineJson.PROVIDER.createObjectBuilder();
      addNullable(o, "fileName", f.fileName());
      addNullable(o, "contentType", f.contentType());
      addNullable(o, "reference", f.reference());
      a.add(o.add("size", f.size()));
    }
    return a;
  }

  private static List<Attachment> attachments(JsonObject reply) {
    if (!(reply.get("attachments") instanceof jakarta.json.JsonArray files)) {
      return List.of();
    }
    List<Attachment> out = new java.util.ArrayList<>();
    for (jakarta.json.JsonValue v : files) {
      if (v instanceof JsonObject f) {
        out.add(
            new Attachment(
                f.getString("fileName", null),
                f.getString("contentType", null),
                f.containsKey("size") ? f.getJsonNumber("size").longValue() : -1,
                f.getString("reference", null),
                null));
      }
    }
    return out;
  }
}
