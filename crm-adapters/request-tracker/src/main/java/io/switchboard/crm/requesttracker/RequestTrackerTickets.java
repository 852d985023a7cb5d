package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtCustomField;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtTicket;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.TicketSpec;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conversations as RT tickets: a ticket in the configured queue with the requestor and the ticket
 * custom fields {@code Channel}, {@code Customer Phone} and {@code Conversation Id}; an active
 * ticket with the same {@code Conversation Id} is reused.
 */
final class RequestTrackerTickets {
  static final String CF_CHANNEL = "Channel";
  static final String CF_CUSTOMER_PHONE = "Customer Phone";
  static final String CF_CONVERSATION_ID = "Conversation Id";

  private static final Pattern TICKET_ID = Pattern.compile("[1-9][0-9]{0,17}");

  private final RequestTrackerRestClient rt;
  private final String queue;
  private final RequestTrackerQueueFields queueFields;

  RequestTrackerTickets(RequestTrackerRestClient rt, String queue) {
    this.rt = rt;
    this.queue = queue;
    this.queueFields = new RequestTrackerQueueFields(rt, queue);
  }

  /**
   * The conversation's active ticket, created when there is none, with the spec's mapped fields
   * ({@code Subject}, {@code Priority}, {@code cf.<name>}: checked before anything is written, an
   * unknown or read-only key is a PermanentException naming it) and a {@code RefersTo} link to the
   * related ticket, both in the create call: a repeated call finds the ticket and writes nothing.
   */
  String open(TicketSpec ticket) throws RetryableException, PermanentException {
    for (String key : ticket.fields().keySet()) {
      requireTicketKey(key);
    }
    Optional<String> existing = findActive(ticket.conversationId());
    if (existing.isPresent()) {
      return existing.get();
    }
    JsonObjectBuilder create = RtJson.JSON.createObjectBuilder();
    JsonObjectBuilder fields = mappedFields(ticket.fields(), create);
    fields.add(CF_CONVERSATION_ID, ticket.conversationId());
    if (ticket.channel() != null) {
      fields.add(CF_CHANNEL, ticket.channel());
    }
    if (ticket.customerPhone() != null) {
      fields.add(CF_CUSTOMER_PHONE, ticket.customerPhone());
    }
    create
        .add("Queue", queue)
        .add("Subject", ticket.fields().getOrDefault("Subject", ticket.subject()))
        .add("Requestor", ticket.requesterId())
        .add("CustomFields", fields);
    if (ticket.relatedTicketId() != null) {
      requireTicketId(ticket.relatedTicketId());
      create.add("RefersTo", ticket.relatedTicketId());
    }
    String id = RtJson.text(rt.post("/ticket", create.build()).object(), "id");
    if (id == null) {
      throw RequestTrackerRestClient.notStored("ticket");
    }
    RtTicket stored = get(id);
    if (!ticket.conversationId().equals(stored.customField(CF_CONVERSATION_ID))) {
      throw new PermanentException(
          "RT created ticket "
              + id
              + " but did not store its custom field "
              + CF_CONVERSATION_ID
              + ": is that ticket custom field applied to queue "
              + queue
              + "? Without it conversations cannot find their ticket again.",
          null);
    }
    return id;
  }

  /**
   * The custom fields JSON of a new ticket with the mapped ones; {@code Priority} goes on the
   * ticket itself ({@code Subject} is the caller's). Multi-valued fields take comma separated
   * values, as {@link RequestTrackerMappedFields} writes them.
   */
  private JsonObjectBuilder mappedFields(Map<String, String> mapped, JsonObjectBuilder create)
      throws RetryableException, PermanentException {
    JsonObjectBuilder fields = RtJson.JSON.createObjectBuilder();
    if (mapped.isEmpty()) {
      return fields;
    }
    Map<String, RtCustomField> known =
        mapped.keySet().stream()
                .anyMatch(k -> k.startsWith(RequestTrackerFieldSchema.TICKET_CF_PREFIX))
            ? queueFields.byName()
            : Map.of();
    for (Map.Entry<String, String> e : mapped.entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      if (key.equals("Subject")) {
        continue;
      } else if (key.equals("Priority")) {
        create.add("Priority", value);
      } else if (key.startsWith(RequestTrackerFieldSchema.TICKET_CF_PREFIX)) {
        String name = key.substring(RequestTrackerFieldSchema.TICKET_CF_PREFIX.length());
        RtCustomField cf = known.get(name);
        if (cf == null) {
          throw unknownField(key, "is no custom field of queue " + queue);
        }
        if (cf.maxValues() == 1) {
          fields.add(name, value);
        } else {
          JsonArrayBuilder values = RtJson.JSON.createArrayBuilder();
          Arrays.stream(value.split(","))
              .map(String::trim)
              .filter(v -> !v.isEmpty())
              .forEach(values::add);
          fields.add(name, values);
        }
      }
    }
    return fields;
  }

  /** Refuses, before anything is read or written, keys that can never be a new ticket's field. */
  private static void requireTicketKey(String key) throws PermanentException {
    if (key.equals("Subject") || key.equals("Priority")) {
      return;
    }
    if (!key.startsWith(RequestTrackerFieldSchema.TICKET_CF_PREFIX)
        || key.length() == RequestTrackerFieldSchema.TICKET_CF_PREFIX.length()) {
      throw unknownField(key, "is no ticket field (Subject, Priority or cf.<name>)");
    }
    if (key.equals(RequestTrackerFieldSchema.TICKET_CF_PREFIX + CF_CONVERSATION_ID)) {
      throw unknownField(key, "belongs to the adapter (it finds conversations by it)");
    }
  }

  private static PermanentException unknownField(String key, String why) {
    return new PermanentException(
        "the mapped ticket field " + key + " " + why, null, null, FailureReason.NOT_FOUND);
  }

  private Optional<String> findActive(String conversationId)
      throws RetryableException, PermanentException {
    TicketSql sql =
        TicketSql.is("Queue", queue)
            .and(TicketSql.is(TicketSql.customField(CF_CONVERSATION_ID), conversationId))
            .and(TicketSql.is("Status", "__Active__"));
    return RtJson.firstItem(
        rt.get(
                "/tickets?query="
                    + RequestTrackerRestClient.encode(sql.toString())
                    + "&orderby=id&order=ASC&per_page=1&fields=Status")
            .object(),
        "id");
  }

  /**
   * The ticket record; for a ticket merged into another, RT answers with the surviving ticket.
   *
   * @throws PermanentException (404) when RT has no such ticket
   */
  RtTicket get(String ticketId) throws RetryableException, PermanentException {
    requireTicketId(ticketId);
    return RtTicket.fromJson(rt.get("/ticket/" + ticketId).object());
  }

  /**
   * The id of the ticket RT keeps for this one: itself, or the ticket it was merged into (RT's
   * EffectiveId; REST2 answers a merged id with the surviving ticket).
   */
  String effectiveId(String ticketId) throws RetryableException, PermanentException {
    String id = get(ticketId).id();
    if (id == null) {
      throw RequestTrackerRestClient.notStored("ticket " + ticketId);
    }
    return id;
  }

  /** The ids of the tickets merged into this one, lowest first. */
  List<String> mergedInto(String ticketId) throws RetryableException, PermanentException {
    requireTicketId(ticketId);
    long id = Long.parseLong(ticketId);
    TicketSql sql = TicketSql.is("EffectiveId", id).and(TicketSql.isNot("id", id));
    JsonArray items =
        rt.get(
                "/tickets?query="
                    + RequestTrackerRestClient.encode(sql.toString())
                    + "&orderby=id&order=ASC&per_page=100&fields=id")
            .object()
            .getJsonArray("items");
    List<String> ids = new ArrayList<>();
    for (JsonValue item : items == null ? List.<JsonValue>of() : items) {
      ids.add(RtJson.text(item.asJsonObject(), "id"));
    }
    return ids;
  }

  /**
   * The {@code Conversation Id} of a ticket: its own, else that of the first (lowest) ticket merged
   * into it that carries one (RT shows a merged ticket's transactions under the surviving ticket,
   * whose own custom field may be empty when an agent merged a conversation into another ticket).
   */
  Optional<String> conversationId(RtTicket ticket) throws RetryableException, PermanentException {
    String own = ticket.customField(CF_CONVERSATION_ID);
    if (own != null && !own.isBlank()) {
      return Optional.of(own);
    }
    requireTicketId(ticket.id());
    long id = Long.parseLong(ticket.id());
    TicketSql sql = TicketSql.is("EffectiveId", id).and(TicketSql.isNot("id", id));
    JsonArray items =
        rt.get(
                "/tickets?query="
                    + RequestTrackerRestClient.encode(sql.toString())
                    + "&orderby=id&order=ASC&per_page=100&fields=CustomFields")
            .object()
            .getJsonArray("items");
    for (JsonValue item : items == null ? List.<JsonValue>of() : items) {
      String merged = RtTicket.fromJson(item.asJsonObject()).customField(CF_CONVERSATION_ID);
      if (merged != null && !merged.isBlank()) {
        return Optional.of(merged);
      }
    }
    return Optional.empty();
  }

  /** A queue's name by its id or name (REST2 references queues by id). */
  String queueName(String queueIdOrName) throws RetryableException, PermanentException {
    Optional<RequestTrackerRestClient.Answer> answer =
        rt.find("/queue/" + RequestTrackerRestClient.encode(queueIdOrName));
    String name = answer.isEmpty() ? null : RtJson.nonBlank(answer.get().object(), "Name");
    return name == null ? queueIdOrName : name;
  }

  static void requireTicketId(String ticketId) throws PermanentException {
    if (ticketId == null || !TICKET_ID.matcher(ticketId).matches()) {
      throw new PermanentException("\"" + ticketId + "\" is not an RT ticket id", null);
    }
  }
}
