package io.switchboard.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformsTest {
  private static final BridgeValues NONE = new BridgeValues(Map.of(), Map.of());

  private static BridgeValues with(BridgeField f, String v) {
    return new BridgeValues(Map.of(f, v), Map.of());
  }

  @Test
  void phoneIsWrittenInEachStyle() {
    String e164 = "+971501234567";
    assertThat(new Transform.PhoneFormat(Transform.PhoneFormat.Style.E164, null).toCrm(e164, NONE))
        .isEqualTo("+971501234567");
    assertThat(
            new Transform.PhoneFormat(Transform.PhoneFormat.Style.INTERNATIONAL, null)
                .toCrm(e164, NONE))
        .isEqualTo("+971 50 123 4567");
    assertThat(
            new Transform.PhoneFormat(Transform.PhoneFormat.Style.NATIONAL, "AE").toCrm(e164, NONE))
        .isEqualTo("050 123 4567");
    assertThat(
            new Transform.PhoneFormat(Transform.PhoneFormat.Style.RFC3966, null).toCrm(e164, NONE))
        .isEqualTo("tel:+971-50-123-4567");
  }

  @Test
  void phoneFromCrmUsesTheDefaultRegionAndGivesE164() {
    var t = new Transform.PhoneFormat(Transform.PhoneFormat.Style.NATIONAL, "AE");
    assertThat(t.fromCrm("050 123 4567")).isEqualTo("+971501234567");
  }

  @Test
  void unparsablePhoneIsATransformException() {
    var t = new Transform.PhoneFormat(Transform.PhoneFormat.Style.E164, null);
    assertThatThrownBy(() -> t.fromCrm("call me maybe"))
        .isInstanceOf(TransformException.class)
        .hasMessageContaining("call me maybe");
    assertThatThrownBy(() -> t.fromCrm("050 123 4567")).isInstanceOf(TransformException.class);
  }

  @Test
  void dateTimeIsWrittenInTheZoneAndReadBack() {
    var t = new Transform.DateTimeFormat("yyyy-MM-dd HH:mm:ss", "Asia/Dubai");
    assertThat(t.toCrm("2026-12-02T13:09:25Z", NONE)).isEqualTo("2026-12-02 17:09:25");
    assertThat(t.fromCrm("2026-12-02 17:09:25")).isEqualTo("2026-12-02T13:09:25Z");
  }

  @Test
  void dateOnlyPatternReadsBackAsStartOfDayInTheZone() {
    var t = new Transform.DateTimeFormat("dd.MM.yyyy", "Asia/Dubai");
    assertThat(t.toCrm("2026-12-02T22:00:00Z", NONE)).isEqualTo("03.12.2026");
    assertThat(t.fromCrm("03.12.2026")).isEqualTo("2026-12-02T20:00:00Z");
  }

  @Test
  void badDateTimeIsATransformException() {
    var t = new Transform.DateTimeFormat("yyyy-MM-dd", "UTC");
    assertThatThrownBy(() -> t.fromCrm("yesterday")).isInstanceOf(TransformException.class);
    assertThatThrownBy(() -> t.toCrm("yesterday", NONE)).isInstanceOf(TransformException.class);
  }

  @Test
  void enumMapsLooksUpFallsBackAndRefuses() {
    var strict = new Transform.EnumMap(Map.of("solved", "resolved", "open", "new"), null);
    assertThat(strict.toCrm("solved", NONE)).isEqualTo("resolved");
    assertThatThrownBy(() -> strict.toCrm("closed", NONE)).isInstanceOf(TransformException.class);
    assertThat(strict.fromCrm("new")).isEqualTo("open");
    assertThatThrownBy(() -> strict.fromCrm("pending")).isInstanceOf(TransformException.class);
    assertThat(strict.invertible()).isTrue();

    var lenient = new Transform.EnumMap(Map.of("solved", "resolved"), "other");
    assertThat(lenient.toCrm("closed", NONE)).isEqualTo("other");
    assertThat(lenient.invertible()).isFalse();
    assertThat(new Transform.EnumMap(Map.of("a", "x", "b", "x"), null).invertible()).isFalse();
  }

  @Test
  void numberRoundsHalfEvenAndAppendsCurrency() {
    assertThat(new Transform.NumberFormat(2, false).toCrm("99.805", NONE)).isEqualTo("99.80");
    assertThat(new Transform.NumberFormat(2, false).toCrm("99.815", NONE)).isEqualTo("99.82");
    assertThat(new Transform.NumberFormat(0, false).toCrm("1E+3", NONE)).isEqualTo("1000");
    var cur = new Transform.NumberFormat(2, true);
    assertThat(cur.toCrm("99.8", with(BridgeField.LAST_ORDER_CURRENCY, "AED")))
        .isEqualTo("99.80 AED");
    assertThat(cur.toCrm("99.8", NONE)).isEqualTo("99.80");
  }

  @Test
  void numberFromCrmStripsCurrency() {
    var t = new Transform.NumberFormat(2, true);
    assertThat(t.fromCrm("99.80 AED")).isEqualTo("99.80");
    assertThat(t.fromCrm("AED 99.80")).isEqualTo("99.80");
    assertThat(t.fromCrm(" 12 ")).isEqualTo("12");
    assertThatThrownBy(() -> t.fromCrm("lots")).isInstanceOf(TransformException.class);
    assertThatThrownBy(() -> t.toCrm("lots", NONE)).isInstanceOf(TransformException.class);
  }

  @Test
  void truncateCountsCodePoints() {
    assertThat(new Transform.Truncate(3).toCrm("abcdef", NONE)).isEqualTo("abc");
    assertThat(new Transform.Truncate(10).toCrm("abc", NONE)).isEqualTo("abc");
    String smiles = "😀😀😀";
    assertThat(new Transform.Truncate(2).toCrm(smiles, NONE)).isEqualTo("😀😀");
    assertThat(new Transform.Truncate(2).toCrm("a😀b", NONE)).isEqualTo("a😀");
  }

  @Test
  void templateFillsFieldsAndKeepsDoubledBraces() {
    var t = new Transform.TemplateString("{customer.name} ({customer.phone}) {{x}}");
    assertThat(t.toCrm("", with(BridgeField.CUSTOMER_NAME, "Aisha"))).isEqualTo("Aisha () {x}");
    assertThatThrownBy(() -> new Transform.TemplateString("{nope}").toCrm("", NONE))
        .isInstanceOf(TransformException.class)
        .hasMessageContaining("nope");
  }
}
