package io.switchboard.spi.crm.capability;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes field values on a requester or ticket, by the keys of {@link FieldSchema}.
 * Values are strings formatted for the field's {@link FieldType}; an empty string clears a field.
 *
 * <pre>{@code
 * fields.writeFields(FieldTarget.TICKET, "42", Map.of("cf.Last Order Total", "99.80"));
 * Map<String, String> now = fields.readFields(FieldTarget.TICKET, "42", Set.of("cf.Last Order Total"));
 * }</pre>
 */
public interface MappedFields {

  /** The current values of the given fields (a field without value is absent from the map). */
  Map<String, String> readFields(FieldTarget target, String objectId, Set<String> keys)
      throws RetryableException, PermanentException;

  /** Writes the given values; writing the value a field already has is harmless (idempotent). */
  void writeFields(FieldTarget target, String objectId, Map<String, String> values)
      throws RetryableException, PermanentException;
}
