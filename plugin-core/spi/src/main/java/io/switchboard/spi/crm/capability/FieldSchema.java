package io.switchboard.spi.crm.capability;

import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import java.util.List;

/**
 * The CRM describes its requester and ticket fields, so admins can map bridge fields onto them and
 * the engine can validate mappings against the real schema.
 *
 * <pre>{@code
 * adapter.capability(FieldSchema.class).ifPresent(s -> s.describeFields().forEach(System.out::println));
 * }</pre>
 */
public interface FieldSchema {

  /** Every field a mapping may target, requester and ticket fields alike. */
  List<FieldDescriptor> describeFields() throws RetryableException, PermanentException;
}
