package io.switchboard.crm.requesttracker.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The parts of a REST2 ticket record the adapter reads.
 *
 * @param id the ticket id
 * @param queue the queue (its id, as REST2 references it)
 * @param status the lifecycle status
 * @param owner the owner's user name ({@code Nobody} when unowned), or {@code null}
 * @param subject the subject, or {@code null}
 * @param priority the priority as RT's digits, or {@code null}
 * @param requestors the requestor user names
 * @param customFields custom field values by name
 */
public record RtTicket(
    String id,
    String queue,
    String status,
    String owner,
    String subject,
    String priority,
    List<String> requestors,
    Map<String, List<String>> customFields) {

  /** Reads a REST2 ticket record. */
  public static RtTicket fromJson(JsonObject json) {
    return new RtTicket(
        RtJson.text(json, "id"),
        RtJson.nonBlank(json, "Queue"),
        RtJson.nonBlank(json, "Status"),
        RtJson.nonBlank(json, "Owner"),
        RtJson.text(json, "Subject"),
        RtJson.nonBlank(json, "Priority"),
        List.copyOf(RtJson.texts(json, "Requestor")),
        RtJson.customFields(json.get("CustomFields")));
  }

  /** The first value of a custom field, or {@code null}. */
  public String customField(String name) {
    List<String> values = customFields.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
