package io.switchboard.sync;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    throw new UnsupportedOperationException("TODO");
  }

  /** The mappings of {@code target} towards the CRM whose transform fails, with the reason. */
  public static Map<String, String> problems(
      List<FieldMapping> mappings, FieldTarget target, BridgeValues values) {
    throw new UnsupportedOperationException("TODO");
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
    throw new UnsupportedOperationException("TODO");
  }
}
