package io.switchboard.spi.crm.capability;

import java.util.List;
import java.util.Objects;

/**
 * One field of the CRM's real schema.
 *
 * <pre>{@code
 * new FieldDescriptor("cf.Preferred Language", "Preferred Language", FieldType.ENUM,
 *     List.of("en", "ar", "fr"), false, false, FieldTarget.TICKET)
 * }</pre>
 *
 * @param key the adapter's stable key of the field, used in mappings and in {@link MappedFields}
 * @param label the name admins see in the CRM
 * @param type its value type
 * @param options the allowed values of {@link FieldType#ENUM} and {@link FieldType#MULTI_ENUM},
 *     else empty
 * @param required whether the CRM refuses an object without a value
 * @param readOnly whether the CRM lets nobody write it through the API
 * @param target the object it belongs to
 */
public record FieldDescriptor(
    String key,
    String label,
    FieldType type,
    List<String> options,
    boolean required,
    boolean readOnly,
    FieldTarget target) {
  public FieldDescriptor {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    label = label == null ? key : label;
    options = options == null ? List.of() : List.copyOf(options);
  }
}
