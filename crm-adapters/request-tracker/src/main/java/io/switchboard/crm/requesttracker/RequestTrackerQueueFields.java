package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtCustomField;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enabled ticket custom fields applied to the adapter's queue, by name, in two REST2 requests
 * (the queue's field ids, then the fields' definitions): what a new ticket's mapped fields are
 * checked against before RT, which silently ignores unknown custom field names, creates it.
 */
final class RequestTrackerQueueFields {
  private final RequestTrackerRestClient rt;
  private final String queue;

  RequestTrackerQueueFields(RequestTrackerRestClient rt, String queue) {
    this.rt = rt;
    this.queue = queue;
  }

  Map<String, RtCustomField> byName() throws RetryableException, PermanentException {
    JsonObject record = rt.get("/queue/" + RequestTrackerRestClient.encode(queue)).object();
    Set<String> applied = new HashSet<>();
    if (record.get("TicketCustomFields") instanceof JsonArray refs) {
      for (JsonValue ref : refs) {
        if (ref instanceof JsonObject object && RtJson.text(object, "id") != null) {
          applied.add(RtJson.text(object, "id"));
        }
      }
    }
    String query =
        "[{\"field\":\"LookupType\",\"value\":\""
            + RtCustomField.TICKET_LOOKUP
            + "\"},{\"field\":\"Disabled\",\"value\":0}]";
    JsonArray items =
        rt.get(
                "/customfields?query="
                    + RequestTrackerRestClient.encode(query)
                    + "&fields=Name,Type,MaxValues,LookupType,Disabled&per_page=100")
            .object()
            .getJsonArray("items");
    Map<String, RtCustomField> fields = new LinkedHashMap<>();
    for (JsonValue item : items == null ? List.<JsonValue>of() : items) {
      RtCustomField cf = RtCustomField.fromJson(item.asJsonObject());
      if (applied.contains(cf.id()) && cf.name() != null && !cf.disabled()) {
        fields.put(cf.name(), cf);
      }
    }
    return fields;
  }
}
