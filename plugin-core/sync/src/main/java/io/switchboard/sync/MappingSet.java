package io.switchboard.sync;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.util.List;
import java.util.Optional;

/** The mappings of one CRM connection, in the admin's order. */
public record MappingSet(List<FieldMapping> mappings) {
  public static final MappingSet EMPTY = new MappingSet(List.of());

  public MappingSet {
    mappings = mappings == null ? List.of() : List.copyOf(mappings);
  }

  /** The mapping of a CRM field, if it is mapped. */
  public Optional<FieldMapping> of(FieldTarget target, String crmField) {
    return mappings.stream()
        .filter(m -> m.target() == target && m.crmField().equals(crmField))
        .findFirst();
  }
}
