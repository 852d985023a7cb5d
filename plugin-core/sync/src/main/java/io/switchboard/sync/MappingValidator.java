package io.switchboard.sync;

import io.switchboard.spi.crm.capability.FieldDescriptor;
import java.util.List;

/** Checks a mapping set against the CRM's real schema. */
public final class MappingValidator {
  private MappingValidator() {}

  /**
   * @return every problem, empty when the set may be saved
   */
  public static List<MappingProblem> validate(MappingSet set, List<FieldDescriptor> schema) {
    throw new UnsupportedOperationException("TODO");
  }
}
