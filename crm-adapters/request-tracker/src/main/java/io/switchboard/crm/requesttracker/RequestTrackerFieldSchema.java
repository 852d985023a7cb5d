package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtCustomField;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldSchema;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.FieldType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RT's real schema as mapping targets: the ticket custom fields applied to the adapter's queue
 * ({@code cf.<name>}), the enabled user custom fields ({@code requester.cf.<name>}) and the core
 * fields the adapter can map ({@link #CORE_FIELDS}). Select values are the options of enum fields;
 * RT's "Mandatory" validation makes a field required.
 */
final class RequestTrackerFieldSchema implements FieldSchema {
  static final String TICKET_CF_PREFIX = "cf.";
  static final String USER_CF_PREFIX = "requester.cf.";
  static final String USER_PREFIX = "requester.";

  /**
   * Core fields: the ticket's subject and priority, the requester's name, phone, organisation and
   * language. The e-mail address is read-only: the adapter gives each customer an {@code .invalid}
   * address by which the mail gateway finds them, so a mapping must not replace it.
   */
  static final List<FieldDescriptor> CORE_FIELDS =
      List.of(
          new FieldDescriptor(
              "Subject", "Subject", FieldType.TEXT, null, false, false, FieldTarget.TICKET),
          new FieldDescriptor(
              "Priority", "Priority", FieldType.INTEGER, null, false, false, FieldTarget.TICKET),
          core("RealName", "Real Name", FieldType.TEXT, false),
          core("EmailAddress", "Email", FieldType.EMAIL, true),
          core("MobilePhone", "Mobile Phone", FieldType.PHONE, false),
          core("Organization", "Organization", FieldType.TEXT, false),
          core("Lang", "Language", FieldType.TEXT, false));

  private final RequestTrackerRestClient rt;
  private final String queue;

  RequestTrackerFieldSchema(RequestTrackerRestClient rt, String queue) {
    this.rt = rt;
    this.queue = queue;
  }

  private static FieldDescriptor core(String name, String label, FieldType type, boolean readOnly) {
    return new FieldDescriptor(
        USER_PREFIX + name, label, type, null, false, readOnly, FieldTarget.REQUESTER);
  }

  @Override
  public List<FieldDescriptor> describeFields() throws RetryableException, PermanentException {
    List<FieldDescriptor> fields = new ArrayList<>(CORE_FIELDS);
    Set<String> ids = new LinkedHashSet<>(queueTicketFieldIds());
    ids.addAll(userFieldIds());
    for (String id : ids) {
      toDescriptor(RtCustomField.fromJson(rt.get("/customfield/" + id).object()))
          .ifPresent(fields::add);
    }
    return fields;
  }

  /** The ticket custom fields of the queue (queue-specific and global), as REST2 lists them. */
  private List<String> queueTicketFieldIds() throws RetryableException, PermanentException {
    JsonObject record = rt.get("/queue/" + RequestTrackerRestClient.encode(queue)).object();
    List<String> ids = new ArrayList<>();
    JsonValue fields = record.get("TicketCustomFields");
    if (fields instanceof JsonArray array) {
      for (JsonValue field : array) {
        if (field instanceof JsonObject ref && RtJson.text(ref, "id") != null) {
          ids.add(RtJson.text(ref, "id"));
        }
      }
    }
    return ids;
  }

  private List<String> userFieldIds() throws RetryableException, PermanentException {
    String query =
        "[{\"field\":\"LookupType\",\"value\":\""
            + RtCustomField.USER_LOOKUP
            + "\"},{\"field\":\"Disabled\",\"value\":0}]";
    JsonArray items =
        rt.get("/customfields?query=" + RequestTrackerRestClient.encode(query) + "&per_page=100")
            .object()
            .getJsonArray("items");
    List<String> ids = new ArrayList<>();
    for (JsonValue item : items == null ? List.<JsonValue>of() : items) {
      ids.add(RtJson.text(item.asJsonObject(), "id"));
    }
    return ids;
  }

  /**
   * A custom field as a mapping target; empty for disabled fields, fields of other objects, files
   * and images (no text value), and the adapter's own {@code Conversation Id} is read-only.
   */
  static Optional<FieldDescriptor> toDescriptor(RtCustomField cf) {
    if (cf.disabled() || cf.name() == null || cf.type() == null) {
      return Optional.empty();
    }
    FieldTarget target;
    String key;
    if (RtCustomField.TICKET_LOOKUP.equals(cf.lookupType())) {
      target = FieldTarget.TICKET;
      key = TICKET_CF_PREFIX + cf.name();
    } else if (RtCustomField.USER_LOOKUP.equals(cf.lookupType())) {
      target = FieldTarget.REQUESTER;
      key = USER_CF_PREFIX + cf.name();
    } else {
      return Optional.empty();
    }
    Optional<FieldType> type = type(cf);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    boolean enumerated = type.get() == FieldType.ENUM || type.get() == FieldType.MULTI_ENUM;
    boolean ownedByAdapter =
        target == FieldTarget.TICKET && RequestTrackerTickets.CF_CONVERSATION_ID.equals(cf.name());
    return Optional.of(
        new FieldDescriptor(
            key,
            cf.name(),
            type.get(),
            enumerated ? cf.values() : List.of(),
            cf.mandatory(),
            ownedByAdapter,
            target));
  }

  /** RT's custom field type as a neutral type; empty for values that are not text. */
  static Optional<FieldType> type(RtCustomField cf) {
    boolean single = cf.maxValues() == 1;
    return switch (cf.type().toLowerCase(Locale.ROOT)) {
      case "freeform", "combobox", "autocomplete", "ipaddress", "ipaddressrange" ->
          Optional.of(FieldType.TEXT);
      case "text", "wikitext", "html" -> Optional.of(FieldType.LONG_TEXT);
      case "select" -> Optional.of(single ? FieldType.ENUM : FieldType.MULTI_ENUM);
      case "date" -> Optional.of(FieldType.DATE);
      case "datetime" -> Optional.of(FieldType.DATE_TIME);
      default -> Optional.empty(); // Image, Binary: files, not values
    };
  }
}
