package io.switchboard.sync;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge's current values for one customer and, when there is one, one conversation, in
 * canonical form, with when each last changed (for {@link ConflictRule#NEWEST_WINS}).
 *
 * @param values bridge field to canonical value; an absent field is empty
 * @param changedAt bridge field to when its value last changed in the bridge; absent when unknown
 */
public record BridgeValues(Map<BridgeField, String> values, Map<BridgeField, Instant> changedAt) {
  public BridgeValues {
    values = values == null || values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    changedAt =
        changedAt == null || changedAt.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(changedAt));
  }

  /** The value, or empty when the bridge has none (never an empty string). */
  public Optional<String> get(BridgeField field) {
    String v = values.get(field);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public Optional<Instant> changedAt(BridgeField field) {
    return Optional.ofNullable(changedAt.get(field));
  }
}
