package io.switchboard.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.spi.crm.capability.FieldTarget;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSyncTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);

  private static FieldMapping mapping(
      BridgeField f, String crm, Direction d, Transform t, ConflictRule c, String dflt) {
    return new FieldMapping(f, FieldTarget.TICKET, crm, d, t, c, dflt);
  }

  private static FieldMapping both(ConflictRule c) {
    return mapping(BridgeField.CUSTOMER_NAME, "name", Direction.BOTH, null, c, null);
  }

  private static BridgeValues name(String v, Instant at) {
    return new BridgeValues(
        Map.of(BridgeField.CUSTOMER_NAME, v), Map.of(BridgeField.CUSTOMER_NAME, at));
  }

  private static final BridgeValues NONE = new BridgeValues(Map.of(), Map.of());

  @Test
  void writesOnlyChangedValuesInMappingOrder() {
    var ms =
        List.of(
            mapping(BridgeField.CUSTOMER_PHONE, "phone", Direction.TO_CRM, null, null, null),
            mapping(BridgeField.CUSTOMER_NAME, "name", Direction.TO_CRM, null, null, null),
            mapping(null, "src", Direction.TO_CRM, new Transform.Constant("whatsapp"), null, null),
            mapping(BridgeField.CUSTOMER_EMAIL, "mail", Direction.FROM_CRM, null, null, null));
    var values =
        new BridgeValues(
            Map.of(
                BridgeField.CUSTOMER_NAME, "Aisha",
                BridgeField.CUSTOMER_PHONE, "+971501234567",
                BridgeField.CUSTOMER_EMAIL, "a@b.c"),
            Map.of());
    assertThat(FieldSync.writes(ms, FieldTarget.TICKET, values, Map.of()))
        .containsExactly(
            Map.entry("phone", "+971501234567"),
            Map.entry("name", "Aisha"),
            Map.entry("src", "whatsapp"));
    var synced = Map.of("phone", new SyncedValue("+971501234567", "+971501234567", T0));
    assertThat(FieldSync.writes(ms, FieldTarget.TICKET, values, synced).keySet())
        .containsExactly("name", "src");
    assertThat(FieldSync.writes(ms, FieldTarget.REQUESTER, values, Map.of())).isEmpty();
  }

  @Test
  void emptyBridgeUsesDefaultClearsOwnWritesAndNeverClearsTwoWay() {
    var withDefault = mapping(BridgeField.CUSTOMER_NAME, "a", Direction.TO_CRM, null, null, "n/a");
    var toCrm = mapping(BridgeField.CUSTOMER_NAME, "b", Direction.TO_CRM, null, null, null);
    var twoWay = mapping(BridgeField.CUSTOMER_NAME, "c", Direction.BOTH, null, null, null);
    var ms = List.of(withDefault, toCrm, twoWay);
    assertThat(FieldSync.writes(ms, FieldTarget.TICKET, NONE, Map.of()))
        .containsExactly(Map.entry("a", "n/a"));
    var synced = new HashMap<String, SyncedValue>();
    synced.put("a", new SyncedValue("n/a", null, T0));
    synced.put("b", new SyncedValue("Old", "Old", T0));
    synced.put("c", new SyncedValue("Old", "Old", T0));
    assertThat(FieldSync.writes(ms, FieldTarget.TICKET, NONE, synced))
        .containsExactly(Map.entry("b", ""));
  }

  @Test
  void failingTransformIsLeftOutAndReported() {
    var phone =
        mapping(
            BridgeField.CUSTOMER_PHONE,
            "phone",
            Direction.TO_CRM,
            new Transform.PhoneFormat(Transform.PhoneFormat.Style.E164, null),
            null,
            null);
    var values = new BridgeValues(Map.of(BridgeField.CUSTOMER_PHONE, "garbage"), Map.of());
    assertThat(FieldSync.writes(List.of(phone), FieldTarget.TICKET, values, Map.of())).isEmpty();
    assertThat(FieldSync.problems(List.of(phone), FieldTarget.TICKET, values))
        .containsOnlyKeys("phone")
        .hasValueSatisfying(
            new org.assertj.core.api.Condition<>(m -> m.contains("garbage"), "mentions value"));
  }

  @Test
  void ownWriteComingBackIsAnEcho() {
    var synced = new SyncedValue("Aisha", "Aisha", T0);
    assertThat(
            FieldSync.onCrmChange(
                both(ConflictRule.NEWEST_WINS), "Aisha", T1, synced, name("Other", T2)))
        .isEqualTo(new InboundDecision.Echo());
    assertThat(
            FieldSync.onCrmChange(
                both(ConflictRule.NEWEST_WINS), null, T1, new SyncedValue(null, null, T0), NONE))
        .isEqualTo(new InboundDecision.Echo());
  }

  @Test
  void toCrmMappingWritesBackWhatTheBridgeHolds() {
    var m = mapping(BridgeField.CUSTOMER_NAME, "name", Direction.TO_CRM, null, null, null);
    assertThat(
            FieldSync.onCrmChange(
                m, "Edited", T1, new SyncedValue("Aisha", "Aisha", T0), name("Aisha", T0)))
        .isEqualTo(new InboundDecision.WriteBack("Aisha"));
    assertThat(FieldSync.onCrmChange(m, "Edited", T1, null, NONE))
        .isInstanceOf(InboundDecision.Ignore.class);
  }

  @Test
  void fromCrmTakesTheTransformedValueOrIgnoresBadOnes() {
    var m =
        mapping(
            BridgeField.CUSTOMER_PHONE,
            "phone",
            Direction.FROM_CRM,
            new Transform.PhoneFormat(Transform.PhoneFormat.Style.NATIONAL, "AE"),
            null,
            null);
    assertThat(FieldSync.onCrmChange(m, "050 123 4567", T1, null, NONE))
        .isEqualTo(new InboundDecision.TakeIntoBridge(BridgeField.CUSTOMER_PHONE, "+971501234567"));
    assertThat(FieldSync.onCrmChange(m, "", T1, null, NONE))
        .isEqualTo(new InboundDecision.TakeIntoBridge(BridgeField.CUSTOMER_PHONE, null));
    assertThat(FieldSync.onCrmChange(m, "nonsense", T1, null, NONE))
        .isInstanceOfSatisfying(
            InboundDecision.Ignore.class,
            i -> assertThat(i.reason()).contains("nonsense").contains("phone"));
  }

  @Test
  void twoWayWithUnchangedBridgeTakesTheCrmValue() {
    var synced = new SyncedValue("Aisha", "Aisha", T0);
    for (ConflictRule rule : ConflictRule.values()) {
      assertThat(FieldSync.onCrmChange(both(rule), "Aysha", T1, synced, name("Aisha", T0)))
          .isEqualTo(new InboundDecision.TakeIntoBridge(BridgeField.CUSTOMER_NAME, "Aysha"));
    }
  }

  @Test
  void conflictRulesDecideWhenBothChanged() {
    var synced = new SyncedValue("Aisha", "Aisha", T0);
    var take = new InboundDecision.TakeIntoBridge(BridgeField.CUSTOMER_NAME, "Aysha");
    var back = new InboundDecision.WriteBack("Aisha K");
    assertThat(
            FieldSync.onCrmChange(
                both(ConflictRule.CRM_WINS), "Aysha", T1, synced, name("Aisha K", T2)))
        .isEqualTo(take);
    assertThat(
            FieldSync.onCrmChange(
                both(ConflictRule.BRIDGE_WINS), "Aysha", T2, synced, name("Aisha K", T1)))
        .isEqualTo(back);
    var newest = both(ConflictRule.NEWEST_WINS);
    assertThat(FieldSync.onCrmChange(newest, "Aysha", T1, synced, name("Aisha K", T2)))
        .isEqualTo(back);
    assertThat(FieldSync.onCrmChange(newest, "Aysha", T2, synced, name("Aisha K", T1)))
        .isEqualTo(take);
    assertThat(FieldSync.onCrmChange(newest, "Aysha", T1, synced, name("Aisha K", T1)))
        .isEqualTo(take);
    var unknownTime = new BridgeValues(Map.of(BridgeField.CUSTOMER_NAME, "Aisha K"), Map.of());
    assertThat(FieldSync.onCrmChange(newest, "Aysha", T1, synced, unknownTime)).isEqualTo(take);
  }

  @Test
  void alternatingEchoesNeverWriteWhenNothingReallyChanged() {
    var m = both(ConflictRule.NEWEST_WINS);
    var values = name("Aisha", T0);
    Map<String, SyncedValue> synced = new HashMap<>();
    int writes = 0;
    Instant now = T0;
    for (int i = 0; i < 100; i++) {
      now = now.plusSeconds(1);
      Map<String, String> w = FieldSync.writes(List.of(m), FieldTarget.TICKET, values, synced);
      writes += w.size();
      w.forEach((k, v) -> synced.put(k, new SyncedValue(v, "Aisha", T0)));
      InboundDecision d = FieldSync.onCrmChange(m, "Aisha", now, synced.get("name"), values);
      assertThat(d).isEqualTo(new InboundDecision.Echo());
    }
    assertThat(writes).isEqualTo(1);
  }

  @Test
  void aCrmSpellingTheBridgeTookIsNotRewrittenUntilTheBridgeChanges() {
    var phone =
        List.of(
            new FieldMapping(
                BridgeField.CUSTOMER_PHONE,
                FieldTarget.REQUESTER,
                "requester.MobilePhone",
                Direction.BOTH,
                new Transform.PhoneFormat(Transform.PhoneFormat.Style.E164, null),
                ConflictRule.CRM_WINS,
                null));
    var values = new BridgeValues(Map.of(BridgeField.CUSTOMER_PHONE, "+16505551234"), Map.of());
    // The admin typed the number with spaces; the bridge took it as +16505551234.
    var took =
        Map.of("requester.MobilePhone", new SyncedValue("+1 650 555 1234", "+16505551234", T0));
    assertThat(FieldSync.writes(phone, FieldTarget.REQUESTER, values, took)).isEmpty();
    var changed = new BridgeValues(Map.of(BridgeField.CUSTOMER_PHONE, "+16505559999"), Map.of());
    assertThat(FieldSync.writes(phone, FieldTarget.REQUESTER, changed, took))
        .containsExactly(Map.entry("requester.MobilePhone", "+16505559999"));
  }
}
