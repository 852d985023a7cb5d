package io.switchboard.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberNormalizerTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "16505551234, +16505551234",
    "+1 650-555-1234, +16505551234",
    "5511987654321, +5511987654321",
    "+44 20 7946 0958, +442079460958",
    "4915112345678, +4915112345678"
  })
  @DisplayName("international numbers, as WhatsApp or people write them, become E.164")
  void normalises(String raw, String e164) {
    assertThat(PhoneNumberNormalizer.toE164(raw)).contains(e164);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "12", "not a number", "+999999999999999999"})
  @DisplayName("text that is no possible number gives nothing")
  void rejects(String raw) {
    assertThat(PhoneNumberNormalizer.toE164(raw)).isEmpty();
  }

  @Test
  void nullIsNoNumber() {
    assertThat(PhoneNumberNormalizer.toE164(null)).isEmpty();
  }
}
