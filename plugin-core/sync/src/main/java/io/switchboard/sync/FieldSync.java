package io.switchboard.sync;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The two-way sync decisions, free of storage and time sources (the caller passes both). */
public final class FieldSync {
  private FieldSync() {}

  /**
   * The values to write into one CRM object: of the mappings with that target that go to the CRM,
   * those whose CRM value (after transform and default) differs from what {@code synced} says the
   * field holds. A mapping whose transform fails is left out (the caller reports it through {@link
   * #problems}).
   *
   * @param synced by {@link FieldMapping#crmField()}, the last synced state; absent when never
   * @return CRM field to value ({@code ""} clears), in mapping order; empty when nothing changed
   */
  public static Map<String, String> writes(
      List<FieldMapping> mappings,
      FieldTarget target,
      BridgeValues values,
      Map<String, SyncedValue> synced) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldMapping m : mappings) {
      if (m.target() != target || !m.direction().toCrm()) {
        continue;
      }
      SyncedValue state = synced == null ? null : synced.get(m.crmField());
      Optional<String> value;
      try {
        value = crmValue(m, values, state);
      } catch (TransformException e) {
        continue;
      }
      if (value.isEmpty()) {
        continue;
      }
      String v = value.get();
      boolean changed =
          state == null
              ? !v.isEmpty()
              : !v.equals(blank(state.crmValue())) && !tookCrmValue(m, values, state);
      if (changed) {
        out.put(m.crmField(), v);
      }
    }
    return out;
  }

  /**
   * Whether the field holds the CRM's own spelling of the bridge's current value: the bridge took
   * the CRM value ({@link InboundDecision.TakeIntoBridge}) and has not changed since. Rewriting it
   * in the bridge's format ({@code "+1 650 555 1234"} as {@code "+16505551234"}) would be a write
   * nobody asked for, and would show in the CRM's history as the bridge undoing the admin's edit.
   */
  private static boolean tookCrmValue(FieldMapping m, BridgeValues values, SyncedValue state) {
    return m.bridgeField() != null
        && state.bridgeValue() != null
        && state.bridgeValue().equals(values.get(m.bridgeField()).orElse(null));
  }

  /** The mappings of {@code target} towards the CRM whose transform fails, with the reason. */
  public static Map<String, String> problems(
      List<FieldMapping> mappings, FieldTarget target, BridgeValues values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (FieldMapping m : mappings) {
      if (m.target() != target || !m.direction().toCrm()) {
        continue;
      }
      try {
        crmValue(m, values, null);
      } catch (TransformException e) {
        out.put(m.crmField(), e.getMessage());
      }
    }
    return out;
  }

  /**
   * What a change of a mapped CRM field means.
   *
   * @param crmValue the field's new value ({@code null} when cleared)
   * @param crmChangedAt when the CRM changed it
   * @param synced the last synced state of that field on that object, or {@code null}
   * @param current the bridge's values now
   */
  public static InboundDecision onCrmChange(
      FieldMapping mapping,
      String crmValue,
      Instant crmChangedAt,
      SyncedValue synced,
      BridgeValues current) {
    if (synced != null && blank(crmValue).equals(blank(synced.crmValue()))) {
      return new InboundDecision.Echo();
    }
    if (mapping.direction() == Direction.TO_CRM) {
      return writeBack(mapping, current, synced);
    }
    String bridgeValue;
    try {
      bridgeValue =
          crmValue == null || crmValue.isEmpty() ? null : mapping.transform().fromCrm(crmValue);
    } catch (TransformException e) {
      return new InboundDecision.Ignore(
          "value '" + crmValue + "' of field " + mapping.crmField() + ": " + e.getMessage());
    }
    BridgeField field = mapping.bridgeField();
    if (field == null) {
      return new InboundDecision.Ignore(
          "field " + mapping.crmField() + " has no bridge field to take the value into");
    }
    InboundDecision take = new InboundDecision.TakeIntoBridge(field, bridgeValue);
    if (mapping.direction() == Direction.FROM_CRM) {
      return take;
    }
    boolean bridgeChanged =
        synced == null
            ? current.get(field).isPresent()
            : !Objects.equals(current.get(field).orElse(null), synced.bridgeValue());
    if (!bridgeChanged) {
      return take;
    }
    return switch (mapping.conflict()) {
      case CRM_WINS -> take;
      case BRIDGE_WINS -> writeBack(mapping, current, synced);
      case NEWEST_WINS -> {
        Optional<Instant> bridgeAt = current.changedAt(field);
        yield bridgeAt.isPresent() && crmChangedAt != null && bridgeAt.get().isAfter(crmChangedAt)
            ? writeBack(mapping, current, synced)
            : take;
      }
    };
  }

  private static InboundDecision writeBack(
      FieldMapping mapping, BridgeValues current, SyncedValue synced) {
    try {
      return crmValue(mapping, current, synced)
          .<InboundDecision>map(InboundDecision.WriteBack::new)
          .orElseGet(
              () ->
                  new InboundDecision.Ignore(
                      "the bridge has no value to write into " + mapping.crmField()));
    } catch (TransformException e) {
      return new InboundDecision.Ignore(
          "cannot write field " + mapping.crmField() + " back: " + e.getMessage());
    }
  }

  /**
   * The CRM value the bridge would write, or empty when it writes nothing.
   *
   * @throws TransformException when the transform fails
   */
  private static Optional<String> crmValue(FieldMapping m, BridgeValues values, SyncedValue state) {
    if (m.bridgeField() == null) {
      return Optional.of(m.transform().toCrm("", values));
    }
    Optional<String> bridge = values.get(m.bridgeField());
    if (bridge.isPresent()) {
      return Optional.of(m.transform().toCrm(bridge.get(), values));
    }
    if (m.defaultValue() != null) {
      return Optional.of(m.defaultValue());
    }
    // An empty bridge never clears a two-way field; to-CRM clears only what it wrote.
    if (m.direction() == Direction.TO_CRM && state != null && !blank(state.crmValue()).isEmpty()) {
      return Optional.of("");
    }
    return Optional.empty();
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }
}
