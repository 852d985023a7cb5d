package io.switchboard.crm.requesttracker.model;

import jakarta.json.JsonObject;

/**
 * A REST2 {@code /transactions} item, read with {@code
 * fields=Type,Creator,Created,Field,OldValue,NewValue,ObjectId,ObjectType}.
 *
 * @param id the transaction id
 * @param type {@code Correspond}, {@code Comment}, {@code Set}, {@code Give}, ...
 * @param creator the user name that made it
 * @param created when, as RT's W3C date-time in UTC
 * @param objectType {@code RT::Ticket} for ticket transactions
 * @param objectId the ticket id for ticket transactions
 * @param field the changed field for {@code Set}
 * @param oldValue the value before (for {@code Status}: the old status), or {@code null}
 * @param newValue the new value (for {@code Owner}: the numeric user id; for {@code Queue}: the
 *     queue id; for {@code AddLink}: the link target's URI)
 */
public record RtTransaction(
    String id,
    String type,
    String creator,
    String created,
    String objectType,
    String objectId,
    String field,
    String oldValue,
    String newValue) {

  /** Reads a REST2 transaction item. */
  public static RtTransaction fromJson(JsonObject json) {
    return new RtTransaction(
        RtJson.text(json, "id"),
        RtJson.nonBlank(json, "Type"),
        RtJson.nonBlank(json, "Creator"),
        RtJson.nonBlank(json, "Created"),
        RtJson.nonBlank(json, "ObjectType"),
        RtJson.nonBlank(json, "ObjectId"),
        RtJson.nonBlank(json, "Field"),
        RtJson.nonBlank(json, "OldValue"),
        RtJson.nonBlank(json, "NewValue"));
  }
}
