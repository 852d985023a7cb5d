package io.switchboard.sync;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.util.Objects;

/**
 * One bridge field mapped to one CRM field.
 *
 * @param bridgeField the bridge field; {@code null} only with a {@link Transform.Constant} or
 *     {@link Transform.TemplateString}, which take their value elsewhere
 * @param target whether the CRM field is a ticket or a requester field
 * @param crmField the CRM field's key, as {@link
 *     io.switchboard.spi.crm.capability.FieldSchema#describeFields()} gives it
 * @param direction which way values travel
 * @param transform how values are shaped; {@link Transform.Identity} when none
 * @param conflict for {@link Direction#BOTH}, who wins when both sides changed; ignored otherwise
 * @param defaultValue written when the bridge field is empty (required CRM fields need one), or
 *     {@code null} to clear the CRM field
 */
public record FieldMapping(
    BridgeField bridgeField,
    FieldTarget target,
    String crmField,
    Direction direction,
    Transform transform,
    ConflictRule conflict,
    String defaultValue) {
  public FieldMapping {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(crmField, "crmField");
    Objects.requireNonNull(direction, "direction");
    transform = transform == null ? new Transform.Identity() : transform;
    conflict = conflict == null ? ConflictRule.NEWEST_WINS : conflict;
  }

  /** The mapping's identity in its set: a CRM field is mapped at most once. */
  public String key() {
    return target.name().toLowerCase(java.util.Locale.ROOT) + ":" + crmField;
  }
}
