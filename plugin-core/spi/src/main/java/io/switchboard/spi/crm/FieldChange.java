package io.switchboard.spi.crm;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone changed a field in the CRM: a ticket field or a requester field an admin may have mapped
 * to a bridge field. Adapters report every change of a field that {@link
 * io.switchboard.spi.crm.capability.FieldSchema#describeFields()} lists, including the changes the
 * bridge itself wrote; the engine recognises those by value (the value it last wrote) and ignores
 * them, so a two-way mapping never ping-pongs. Adapters may still drop changes made by their own
 * API user when they can tell, which saves the engine the work.
 *
 * <pre>{@code
 * new FieldChange("txn:91", "42", FieldTarget.TICKET, "42", "cf.Preferred Language", "en", "ar",
 *     "alice", Instant.now())
 * new FieldChange("user-txn:17", null, FieldTarget.REQUESTER, "wa-16505551234",
 *     "requester.RealName", "Kerry", "Kerry Fisher", "alice", Instant.now())
 * }</pre>
 *
 * @param eventId the CRM's unique id of the change
 * @param ticketId for a ticket field the ticket, for a requester field {@code null}
 * @param target whether a ticket or a requester field changed
 * @param objectId the ticket id, or the requester id as {@link CrmAdapter#upsertRequester} returned
 *     it
 * @param field the field's key as {@link io.switchboard.spi.crm.capability.FieldDescriptor#key()}
 *     gives it
 * @param oldValue the value before, {@code null} when unknown or empty
 * @param newValue the value after, {@code null} when the field was cleared; multi-valued fields
 *     comma separated, as {@link io.switchboard.spi.crm.capability.MappedFields} reads them
 * @param author the CRM user who made the change, or {@code null}
 * @param at when it changed
 * @since 2.1.0
 */
public record FieldChange(
    String eventId,
    String ticketId,
    FieldTarget target,
    String objectId,
    String field,
    String oldValue,
    String newValue,
    String author,
    Instant at)
    implements CrmEvent {
  public FieldChange {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(field, "field");
    if (target == FieldTarget.TICKET && ticketId == null) {
      throw new IllegalArgumentException("a ticket field change names its ticket");
    }
  }
}
