package io.switchboard.sandbox.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaIdTest {

  @Test
  void typedPhoneNumbersBecomeDigits() {
    assertThat(WaId.of("+1 555 0100 123").digits()).isEqualTo("15550100123");
    assertThat(WaId.of(" +1 (555) 010-0123 ").digits()).isEqualTo("15550100123");
    assertThat(WaId.of("15550100123").digits()).isEqualTo("15550100123");
  }

  @Test
  void somethingThatIsNoPhoneNumberIsRefused() {
    assertThatThrownBy(() -> WaId.of("call me")).hasMessageContaining("international format");
    assertThatThrownBy(() -> WaId.of("+12")).hasMessageContaining("international format");
    assertThatThrownBy(() -> WaId.of("1234567890123456"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
