package io.switchboard.crm.requesttracker;

import static io.switchboard.crm.requesttracker.RequestTrackerFieldSchema.TICKET_CF_PREFIX;
import static io.switchboard.crm.requesttracker.RequestTrackerFieldSchema.USER_CF_PREFIX;

import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.capability.FieldDescriptor;
import io.switchboard.spi.crm.capability.FieldTarget;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which RT field transactions are {@link FieldChange}s, the same way for webhooks and
 * polling.
 *
 * <ul>
 *   <li>Ticket fields: {@code CustomField} transactions on tickets ({@code cf.<name>}) and {@code
 *       Set} of the schema's ticket core fields ({@code Subject}, {@code Priority}); event id
 *       {@code txn:<transaction id>}, like every other ticket event.
 *   <li>Requester fields: {@code CustomField} transactions on users ({@code requester.cf.<name>})
 *       and {@code Set} of {@code RealName}, {@code EmailAddress}, {@code MobilePhone}, {@code
 *       Organization}, {@code Lang} ({@code requester.<field>}); event id {@code
 *       user-txn:<transaction id>}. RT runs no scrips for users, so these come by polling only.
 *   <li>A multi-valued custom field's new value is its whole list now, comma separated (as {@link
 *       RequestTrackerMappedFields} reads it), and its old value unknown ({@code null}): RT records
 *       one transaction per value added or removed, each naming only that value. A single-valued
 *       field's values are the transaction's own. DateTime values read as REST2 reads them ({@link
 *       #asRead}).
 *   <li>Nothing the API user or {@code RT_System} did is an event: the adapter's own writes, and
 *       RT's automatic ones.
 * </ul>
 */
final class RequestTrackerFieldChanges {
  static final String TICKET_EVENT_PREFIX = "txn:";
  static final String USER_EVENT_PREFIX = "user-txn:";
  private static final String SYSTEM_USER = "RT_System";
  private static final String CUSTOM_FIELD = "CustomField";
  private static final Pattern SQL_DATE_TIME =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");

  private final String apiUser;

  RequestTrackerFieldChanges(String apiUser) {
    this.apiUser = apiUser;
  }

  /** Whether a transaction of this author may be reported at all. */
  boolean byOthers(String creator) {
    return creator != null && !creator.equalsIgnoreCase(apiUser) && !creator.equals(SYSTEM_USER);
  }

  Optional<FieldChange> classify(RequestTrackerFieldEdit edit) {
    if (!byOthers(edit.creator()) || edit.objectId() == null || edit.key() == null) {
      return Optional.empty();
    }
    boolean ticket = edit.target() == FieldTarget.TICKET;
    String oldValue = edit.multiValued() ? null : blankToNull(edit.oldValue());
    String newValue =
        edit.multiValued()
            ? blankToNull(String.join(",", edit.currentValues()))
            : blankToNull(edit.newValue());
    return Optional.of(
        new FieldChange(
            (ticket ? TICKET_EVENT_PREFIX : USER_EVENT_PREFIX) + edit.transactionId(),
            ticket ? edit.objectId() : null,
            edit.target(),
            edit.objectId(),
            edit.key(),
            oldValue,
            newValue,
            edit.creator(),
            edit.at()));
  }

  /** Whether a transaction of this type changes a custom field's values. */
  static boolean isCustomField(String type) {
    return CUSTOM_FIELD.equals(type);
  }

  /**
   * The schema key a {@code Set} of this core field has on this target ({@code Subject}, {@code
   * requester.RealName}), or empty when the schema does not list the field.
   */
  static Optional<String> coreKey(FieldTarget target, String type, String field) {
    if (!"Set".equals(type) || field == null) {
      return Optional.empty();
    }
    String key =
        target == FieldTarget.TICKET ? field : RequestTrackerFieldSchema.USER_PREFIX + field;
    return RequestTrackerFieldSchema.CORE_FIELDS.stream()
        .filter(f -> f.target() == target)
        .map(FieldDescriptor::key)
        .filter(key::equals)
        .findFirst();
  }

  /** The schema key of a custom field of this target. */
  static String customFieldKey(FieldTarget target, String name) {
    return (target == FieldTarget.TICKET ? TICKET_CF_PREFIX : USER_CF_PREFIX) + name;
  }

  /**
   * Whether a custom field of this RT type holds values (not files): files are no mapping target.
   */
  static boolean isValueType(String rtType) {
    return rtType == null
        || !(rtType.equalsIgnoreCase("Image") || rtType.equalsIgnoreCase("Binary"));
  }

  /**
   * A custom field value as REST2 reads it on the object: RT stores (and its transactions and the
   * webhook scrip carry) DateTime values as {@code 2026-11-30 10:00:00} in UTC, which REST2's
   * records give as {@code 2026-11-30T10:00:00Z}.
   */
  static String asRead(String rtType, String value) {
    if (value != null
        && "DateTime".equalsIgnoreCase(rtType)
        && SQL_DATE_TIME.matcher(value).matches()) {
      return value.replace(' ', 'T') + "Z";
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
