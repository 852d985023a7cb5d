package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtCustomField;
import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.crm.requesttracker.model.RtTicket;
import io.switchboard.crm.requesttracker.model.RtTransaction;
import io.switchboard.crm.requesttracker.model.RtUser;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldTarget;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns polled field transactions (REST2 {@code /transactions} items) into {@link
 * RequestTrackerFieldEdit}s: looks up the custom field (its name, type and MaxValues), the ticket
 * or user it belongs to (the current values of a multi-valued field, the requester's name), each
 * once per poll: one instance serves one poll. User transactions count only for requesters the
 * adapter manages: unprivileged users named the way {@link RequestTrackerRequesters} names them.
 */
final class RequestTrackerPolledFieldEdits {
  private final RequestTrackerRestClient rt;
  private final RequestTrackerTickets tickets;
  private final Clock clock;
  private final Map<String, Optional<RtCustomField>> fields = new HashMap<>();
  private final Map<String, RtTicket> ticketRecords = new HashMap<>();
  private final Map<String, Optional<JsonObject>> userRecords = new HashMap<>();

  RequestTrackerPolledFieldEdits(
      RequestTrackerRestClient rt, RequestTrackerTickets tickets, Clock clock) {
    this.rt = rt;
    this.tickets = tickets;
    this.clock = clock;
  }

  /** Whether this transaction changes a field (else it is an agent event or nothing). */
  static boolean isFieldTransaction(RtTransaction txn) {
    FieldTarget target =
        RequestTrackerTransactionFeed.USER.equals(txn.objectType())
            ? FieldTarget.REQUESTER
            : FieldTarget.TICKET;
    return RequestTrackerFieldChanges.isCustomField(txn.type())
        || RequestTrackerFieldChanges.coreKey(target, txn.type(), txn.field()).isPresent();
  }

  /** The edit a field transaction makes, or empty when it is no field of the schema. */
  Optional<RequestTrackerFieldEdit> edit(RtTransaction txn)
      throws RetryableException, PermanentException {
    return RequestTrackerTransactionFeed.USER.equals(txn.objectType())
        ? userEdit(txn)
        : ticketEdit(txn);
  }

  private Optional<RequestTrackerFieldEdit> ticketEdit(RtTransaction txn)
      throws RetryableException, PermanentException {
    if (!RequestTrackerFieldChanges.isCustomField(txn.type())) {
      return RequestTrackerFieldChanges.coreKey(FieldTarget.TICKET, txn.type(), txn.field())
          .map(key -> edit(txn, FieldTarget.TICKET, txn.objectId(), key, null, false, List.of()));
    }
    Optional<RtCustomField> cf = customField(txn.field(), FieldTarget.TICKET);
    if (cf.isEmpty()) {
      return Optional.empty();
    }
    boolean multiValued = cf.get().maxValues() != 1;
    List<String> values = List.of();
    if (multiValued) {
      List<String> now = ticket(txn.objectId()).customFields().get(cf.get().name());
      values = now == null ? List.of() : now;
    }
    return Optional.of(
        edit(
            txn,
            FieldTarget.TICKET,
            txn.objectId(),
            RequestTrackerFieldChanges.customFieldKey(FieldTarget.TICKET, cf.get().name()),
            cf.get().type(),
            multiValued,
            values));
  }

  private Optional<RequestTrackerFieldEdit> userEdit(RtTransaction txn)
      throws RetryableException, PermanentException {
    Optional<JsonObject> record = user(txn.objectId());
    if (record.isEmpty()) {
      return Optional.empty();
    }
    RtUser user = RtUser.fromJson(record.get());
    if (user.privileged() || !RequestTrackerRequesters.isRequesterName(user.name())) {
      return Optional.empty(); // staff, or a user the adapter did not make (e-mail senders)
    }
    if (!RequestTrackerFieldChanges.isCustomField(txn.type())) {
      return RequestTrackerFieldChanges.coreKey(FieldTarget.REQUESTER, txn.type(), txn.field())
          .map(key -> edit(txn, FieldTarget.REQUESTER, user.name(), key, null, false, List.of()));
    }
    Optional<RtCustomField> cf = customField(txn.field(), FieldTarget.REQUESTER);
    if (cf.isEmpty()) {
      return Optional.empty();
    }
    boolean multiValued = cf.get().maxValues() != 1;
    List<String> values =
        multiValued
            ? RtJson.customFields(record.get().get("CustomFields"))
                .getOrDefault(cf.get().name(), List.of())
            : List.of();
    return Optional.of(
        edit(
            txn,
            FieldTarget.REQUESTER,
            user.name(),
            RequestTrackerFieldChanges.customFieldKey(FieldTarget.REQUESTER, cf.get().name()),
            cf.get().type(),
            multiValued,
            values));
  }

  private RequestTrackerFieldEdit edit(
      RtTransaction txn,
      FieldTarget target,
      String objectId,
      String key,
      String rtType,
      boolean multiValued,
      List<String> values) {
    return new RequestTrackerFieldEdit(
        txn.id(),
        target,
        objectId,
        key,
        multiValued,
        values,
        RequestTrackerFieldChanges.asRead(rtType, txn.oldValue()),
        RequestTrackerFieldChanges.asRead(rtType, txn.newValue()),
        txn.creator(),
        RequestTrackerTicketChange.instant(txn.created(), clock));
  }

  /** A custom field of the schema for this target by id; empty for others (files, disabled). */
  private Optional<RtCustomField> customField(String id, FieldTarget target)
      throws RetryableException, PermanentException {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    Optional<RtCustomField> known = fields.get(id);
    if (known == null) {
      known = rt.find("/customfield/" + id).map(this::customField);
      fields.put(id, known);
    }
    return known.filter(
        cf ->
            RequestTrackerFieldSchema.toDescriptor(cf)
                .map(FieldDescriptor::target)
                .filter(target::equals)
                .isPresent());
  }

  private RtCustomField customField(RequestTrackerRestClient.Answer answer) {
    try {
      return RtCustomField.fromJson(answer.object());
    } catch (PermanentException notAnObject) {
      return new RtCustomField(null, null, null, 0, null, null, List.of(), true);
    }
  }

  private RtTicket ticket(String id) throws RetryableException, PermanentException {
    RtTicket known = ticketRecords.get(id);
    if (known == null) {
      known = tickets.get(id);
      ticketRecords.put(id, known);
    }
    return known;
  }

  private Optional<JsonObject> user(String id) throws RetryableException, PermanentException {
    Optional<JsonObject> known = userRecords.get(id);
    if (known == null) {
      Optional<RequestTrackerRestClient.Answer> answer =
          id == null ? Optional.empty() : rt.find("/user/" + RequestTrackerRestClient.encode(id));
      known = answer.isEmpty() ? Optional.empty() : Optional.of(answer.get().object());
      userRecords.put(id, known);
    }
    return known;
  }
}
