package io.switchboard.engine.application.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.infrastructure.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSessionTokensTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  final AgentSessionTokens tokens = new AgentSessionTokens(AgentFixture.SECRETS_KEY, clock);
  final AgentSession amal =
      new AgentSession(
          "rt",
          "amal",
          "Amal",
          "amal@example.com",
          List.of("Support", "Sales"),
          clock.instant().plus(Duration.ofHours(8)));

  @Test
  void aSessionIssuedIsVerifiedWithAllItsClaims() {
    var verdict = tokens.verify(tokens.issue(amal));

    assertThat(verdict).isEqualTo(new AgentSessionTokens.Verified(amal));
  }

  @Test
  void anExpiredSessionIsToldApartFromAnInvalidOne() {
    String bearer = tokens.issue(amal);
    clock.advance(Duration.ofHours(8));

    assertThat(tokens.verify(bearer)).isInstanceOf(AgentSessionTokens.Expired.class);
  }

  @Test
  void aChangedClaimBreaksTheSignature() {
    String[] parts = tokens.issue(amal).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.replace("Support", "Billing").getBytes());

    var verdict = tokens.verify(parts[0] + "." + forged + "." + parts[2]);

    assertThat(verdict).isEqualTo(new AgentSessionTokens.Invalid("bad signature"));
  }

  @Test
  void anotherSecretsKeyDoesNotAcceptTheSession() {
    var other = new AgentSessionTokens(Base64.getEncoder().encodeToString(new byte[32]), clock);

    assertThat(other.verify(tokens.issue(amal))).isInstanceOf(AgentSessionTokens.Invalid.class);
  }

  @Test
  void garbageAndAMissingKeyAreInvalid() {
    assertThat(tokens.verify("not-a-jwt")).isInstanceOf(AgentSessionTokens.Invalid.class);
    assertThat(tokens.verify(null)).isInstanceOf(AgentSessionTokens.Invalid.class);
    assertThat(new AgentSessionTokens(null, clock).available()).isFalse();
  }
}
