package io.switchboard.crm.requesttracker.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One body posted by the "Switchboard webhook" scrip (see {@code tools/request-tracker}): a ticket
 * transaction with the ticket's state after the request. Unknown keys are ignored.
 *
 * @param event the transaction type ({@code Correspond}, {@code Comment}, {@code Set}, ...)
 * @param ticketId the ticket id: the transaction's own ticket ({@code object_id}, which differs
 *     from the scrip's {@code ticket_id} for a ticket merged away: RT runs its batch with the
 *     surviving ticket), else {@code ticket_id} from scrips before {@code object_id}
 * @param transactionId the transaction id
 * @param queue the ticket's queue name
 * @param owner the ticket's owner name after the request ({@code Nobody} when unowned)
 * @param requestors the ticket's requestor user names
 * @param creator the user name that made the transaction
 * @param creatorPrivileged whether that user is privileged (staff), or {@code null} when the scrip
 *     did not say (scrips before {@code creator_privileged})
 * @param created when, as RT's W3C date-time in UTC
 * @param field the changed field for {@code Set}/{@code CustomField}/{@code AddLink}, else {@code
 *     null}
 * @param oldValue the transaction's old value ({@code Status}: the old status), or {@code null}
 * @param newValue the transaction's new value ({@code Status}: the new status; {@code AddLink}: the
 *     target's URI), or {@code null}
 * @param conversationId the ticket's {@code Conversation Id}, or that of the first ticket merged
 *     into it that has one ({@code null} from scrips before this key, or when none has one)
 * @param content the message text for {@code Create}/{@code Correspond}/{@code Comment} (RT's own
 *     text rendering when the message is HTML only)
 * @param contentHtml the message's HTML when its body is {@code text/html} only (what RT's
 *     rich-text editor sends), else {@code null}; scrips before this key send only {@code content}
 * @param attachments the files of the transaction
 * @param customFields the ticket's custom fields
 * @param fieldType for a {@code CustomField} transaction the field's RT type ({@code Freeform},
 *     {@code Select}, ...), or {@code null} from scrips before this key
 * @param fieldMaxValues for a {@code CustomField} transaction how many values the field holds
 *     ({@code 0}: any number), or {@code null} from scrips before this key
 * @param messageId the Message-ID header of a {@code Create}/{@code Correspond}/{@code Comment}'s
 *     content without angle brackets, or {@code null} (none, or scrips before this key)
 */
public record RtWebhookEvent(
    String event,
    String ticketId,
    String transactionId,
    String queue,
    String owner,
    List<String> requestors,
    String creator,
    Boolean creatorPrivileged,
    String created,
    String field,
    String oldValue,
    String newValue,
    String conversationId,
    String content,
    String contentHtml,
    List<RtAttachment> attachments,
    Map<String, List<String>> customFields,
    String fieldType,
    Integer fieldMaxValues,
    String messageId) {

  /**
   * Reads a webhook body.
   *
   * @throws IllegalArgumentException naming the first missing required key
   */
  public static RtWebhookEvent fromJson(JsonObject json) {
    String event = require(json, "event");
    String ticketId =
        RtJson.nonBlank(json, "object_id") != null
            ? RtJson.nonBlank(json, "object_id")
            : require(json, "ticket_id");
    String transactionId = require(json, "transaction_id");
    List<RtAttachment> attachments = new ArrayList<>();
    if (json.get("attachments") instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonObject file) {
          attachments.add(
              new RtAttachment(
                  RtJson.text(file, "id"),
                  RtJson.nonBlank(file, "content_type"),
                  RtJson.nonBlank(file, "filename"),
                  null));
        }
      }
    }
    return new RtWebhookEvent(
        event,
        ticketId,
        transactionId,
        RtJson.nonBlank(json, "queue"),
        RtJson.nonBlank(json, "owner"),
        List.copyOf(RtJson.texts(json, "requestors")),
        RtJson.nonBlank(json, "creator"),
        json.get("creator_privileged") == null
                || json.get("creator_privileged").getValueType() == JsonValue.ValueType.NULL
            ? null
            : "true".equals(RtJson.text(json, "creator_privileged"))
                || "1".equals(RtJson.text(json, "creator_privileged")),
        RtJson.nonBlank(json, "created"),
        RtJson.nonBlank(json, "field"),
        RtJson.nonBlank(json, "old_value"),
        RtJson.nonBlank(json, "new_value"),
        RtJson.nonBlank(json, "conversation_id"),
        RtJson.text(json, "content"),
        RtJson.text(json, "content_html"),
        List.copyOf(attachments),
        RtJson.customFields(json.get("custom_fields")),
        RtJson.nonBlank(json, "field_type"),
        integer(RtJson.nonBlank(json, "field_max_values")),
        RtJson.nonBlank(json, "message_id"));
  }

  private static Integer integer(String digits) {
    try {
      return digits == null ? null : Integer.valueOf(digits);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static String require(JsonObject json, String key) {
    String value = RtJson.nonBlank(json, key);
    if (value == null) {
      throw new IllegalArgumentException("the RT webhook body has no \"" + key + "\"");
    }
    return value;
  }
}
