package io.switchboard.engine.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.interfaces.rest.AdminToken.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The admin bearer token check")
class AdminTokenTest {
  private final AdminToken token = new AdminToken(Optional.of("s3cret-admin-token"));

  @Test
  @DisplayName("the configured token is accepted, whatever the scheme's case")
  void acceptsTheToken() {
    assertThat(token.check("Bearer s3cret-admin-token")).isEqualTo(Verdict.ACCEPTED);
    assertThat(token.check("bearer s3cret-admin-token")).isEqualTo(Verdict.ACCEPTED);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "Bearer",
        "Bearer ",
        "Bearer s3cret-admin-toke",
        "Bearer s3cret-admin-token2",
        "Basic czNjcmV0LWFkbWluLXRva2Vu",
        "s3cret-admin-token",
        "Bearers3cret-admin-token"
      })
  @DisplayName("anything else is refused")
  void refusesEverythingElse(String header) {
    assertThat(token.check(header)).isEqualTo(Verdict.REFUSED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  @DisplayName("a blank configured token turns the admin API off instead of opening it")
  void blankTokenDisables(String configured) {
    AdminToken off = new AdminToken(Optional.of(configured));
    assertThat(off.check("Bearer " + configured)).isEqualTo(Verdict.DISABLED);
    assertThat(new AdminToken(Optional.empty()).check("Bearer ")).isEqualTo(Verdict.DISABLED);
  }
}
