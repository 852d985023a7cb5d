package io.switchboard.crm.requesttracker;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.time.Instant;
import java.util.List;

/**
 * A field transaction (a custom field value added, changed or removed, or a {@code Set} of a core
 * field) as {@link RequestTrackerFieldChanges} needs it, whether it came from the webhook scrip or
 * from REST2 polling, so both paths give the same {@link io.switchboard.spi.crm.FieldChange}.
 *
 * @param transactionId RT's transaction id
 * @param target a ticket's or a requester's field
 * @param objectId the ticket id, or the requester's RT user name (the id {@code upsertRequester}
 *     returns)
 * @param key the field's schema key ({@code cf.Labels}, {@code Subject}, {@code
 *     requester.RealName}, {@code requester.cf.Customer Email})
 * @param multiValued whether the field holds several values (a custom field with MaxValues other
 *     than 1): RT then records one transaction per value added or removed
 * @param currentValues a multi-valued field's values now (after the request, for webhooks; at the
 *     poll, for polling), else unused
 * @param oldValue the transaction's old value, or {@code null}
 * @param newValue the transaction's new value, or {@code null}
 * @param creator the user name that made the transaction
 * @param at when
 */
record RequestTrackerFieldEdit(
    String transactionId,
    FieldTarget target,
    String objectId,
    String key,
    boolean multiValued,
    List<String> currentValues,
    String oldValue,
    String newValue,
    String creator,
    Instant at) {

  RequestTrackerFieldEdit {
    currentValues = currentValues == null ? List.of() : List.copyOf(currentValues);
  }
}
