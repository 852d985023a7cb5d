package io.switchboard.crm.requesttracker;

import static io.switchboard.crm.requesttracker.RequestTrackerFieldSchema.TICKET_CF_PREFIX;
import static io.switchboard.crm.requesttracker.RequestTrackerFieldSchema.USER_CF_PREFIX;
import static io.switchboard.crm.requesttracker.RequestTrackerFieldSchema.USER_PREFIX;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.MappedFields;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the fields of {@link RequestTrackerFieldSchema} on a ticket ({@code PUT
 * /ticket/{id}}) or a requester ({@code PUT /user/{name}}). A write sends only the fields whose
 * value differs from RT's, and nothing at all when every value is already there. Multi-valued
 * custom fields travel comma separated.
 */
final class RequestTrackerMappedFields implements MappedFields {
  private final RequestTrackerRestClient rt;
  private final RequestTrackerTickets tickets;

  RequestTrackerMappedFields(RequestTrackerRestClient rt, RequestTrackerTickets tickets) {
    this.rt = rt;
    this.tickets = tickets;
  }

  @Override
  public Map<String, String> readFields(FieldTarget target, String objectId, Set<String> keys)
      throws RetryableException, PermanentException {
    Map<String, String> all = current(target, objectId);
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String key : keys) {
      String value = all.get(key);
      if (value != null && !value.isEmpty()) {
        wanted.put(key, value);
      }
    }
    return wanted;
  }

  @Override
  public void writeFields(FieldTarget target, String objectId, Map<String, String> values)
      throws RetryableException, PermanentException {
    Map<String, String> now = current(target, objectId);
    JsonObjectBuilder update = RtJson.JSON.createObjectBuilder();
    JsonObjectBuilder customFields = RtJson.JSON.createObjectBuilder();
    boolean changed = false;
    boolean cfChanged = false;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      requireWritable(target, key);
      if (value.equals(now.getOrDefault(key, ""))) {
        continue; // already there: idempotent
      }
      String cf = customFieldName(target, key);
      if (cf != null && !now.containsKey(key)) {
        // RT lists every custom field that applies to the object, empty ones too, and silently
        // ignores values of others: refuse them instead.
        throw new PermanentException(
            "RT has no "
                + target
                + " custom field "
                + cf
                + " on "
                + objectId
                + " (key "
                + key
                + ")",
            null,
            null,
            FailureReason.NOT_FOUND);
      }
      if (cf != null) {
        JsonArrayBuilder list = RtJson.JSON.createArrayBuilder();
        Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .forEach(list::add);
        customFields.add(cf, list); // an empty list clears the field
        cfChanged = true;
      } else {
        update.add(coreName(target, key), value);
      }
      changed = true;
    }
    if (!changed) {
      return;
    }
    if (cfChanged) {
      update.add("CustomFields", customFields);
    }
    rt.put(path(target, objectId), update.build())
        .requireSuccess("writing fields " + values.keySet() + " of " + target + " " + objectId);
  }

  /** Every mappable value the object has now, by key. */
  private Map<String, String> current(FieldTarget target, String objectId)
      throws RetryableException, PermanentException {
    JsonObject record = record(target, objectId);
    Map<String, String> values = new LinkedHashMap<>();
    for (FieldDescriptor core : RequestTrackerFieldSchema.CORE_FIELDS) {
      if (core.target() == target) {
        String value = RtJson.text(record, coreName(target, core.key()));
        if (value != null) {
          values.put(core.key(), value);
        }
      }
    }
    String prefix = target == FieldTarget.TICKET ? TICKET_CF_PREFIX : USER_CF_PREFIX;
    RtJson.customFields(record.get("CustomFields"))
        .forEach((name, list) -> values.put(prefix + name, String.join(",", list)));
    return values;
  }

  private JsonObject record(FieldTarget target, String objectId)
      throws RetryableException, PermanentException {
    if (target == FieldTarget.TICKET) {
      RequestTrackerTickets.requireTicketId(objectId);
    }
    return rt.find(path(target, objectId))
        .orElseThrow(
            () ->
                new PermanentException(
                    "RT has no " + (target == FieldTarget.TICKET ? "ticket " : "user ") + objectId,
                    null,
                    "404",
                    FailureReason.NOT_FOUND))
        .object();
  }

  private static String path(FieldTarget target, String objectId) {
    return (target == FieldTarget.TICKET ? "/ticket/" : "/user/")
        + RequestTrackerRestClient.encode(objectId);
  }

  static void requireWritable(FieldTarget target, String key) throws PermanentException {
    if (customFieldName(target, key) != null) {
      if (target == FieldTarget.TICKET
          && key.equals(TICKET_CF_PREFIX + RequestTrackerTickets.CF_CONVERSATION_ID)) {
        throw new PermanentException(
            "the ticket custom field "
                + RequestTrackerTickets.CF_CONVERSATION_ID
                + " belongs to the adapter (it finds conversations by it) and cannot be mapped",
            null,
            null,
            FailureReason.INVALID_CONTENT);
      }
      return;
    }
    List<FieldDescriptor> core =
        RequestTrackerFieldSchema.CORE_FIELDS.stream()
            .filter(f -> f.target() == target && f.key().equals(key))
            .toList();
    if (core.isEmpty()) {
      throw new PermanentException(
          "RT has no " + target + " field " + key, null, null, FailureReason.NOT_FOUND);
    }
    if (core.get(0).readOnly()) {
      throw new PermanentException(
          "the " + target + " field " + key + " is read-only", null, null, FailureReason.OTHER);
    }
  }

  /** The custom field name of a key, or {@code null} for a core field. */
  private static String customFieldName(FieldTarget target, String key) {
    String prefix = target == FieldTarget.TICKET ? TICKET_CF_PREFIX : USER_CF_PREFIX;
    return key.startsWith(prefix) && key.length() > prefix.length()
        ? key.substring(prefix.length())
        : null;
  }

  private static String coreName(FieldTarget target, String key) {
    return target == FieldTarget.REQUESTER && key.startsWith(USER_PREFIX)
        ? key.substring(USER_PREFIX.length())
        : key;
  }
}
