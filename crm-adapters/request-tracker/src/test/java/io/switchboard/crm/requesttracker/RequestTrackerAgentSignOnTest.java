package io.switchboard.crm.requesttracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.crm.capability.SignedInAgent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RT's agent sign-on tokens, made here with Nimbus the way RT-Extension-Switchboard makes them with
 * Crypt::JWT: HS256, iss request-tracker, aud the connection id, 300 s.
 */
class RequestTrackerAgentSignOnTest {
  private static final String SECRET = "switchboard-rt-view-secret-0123456789abcdef";
  private static final Instant ISSUED = Instant.parse("2026-12-08T10:00:00Z");
  private static final Instant NOW = ISSUED.plusSeconds(20);

  private final RequestTrackerAgentSignOn signOn =
      new RequestTrackerAgentSignOn(SECRET, "rt", URI.create("http://127.0.0.1:8092"));

  /** The claims RT's extension sends for agent1. */
  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer("request-tracker")
        .audience("rt")
        .subject("agent1")
        .claim("name", "Agent One")
        .claim("email", "agent1@example.invalid")
        .claim("queues", List.of("Support", "Sales"))
        .issueTime(Date.from(ISSUED))
        .expirationTime(Date.from(ISSUED.plusSeconds(300)))
        .jwtID("9f86d081884c7d65");
  }

  private static String token(JWTClaimsSet claims, String secret) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    return token(change.apply(claims()).build(), SECRET);
  }

  private PermanentException refusal(String token, Instant now) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> signOn.verify(token, now));
    assertThat(thrown).isInstanceOf(PermanentException.class);
    PermanentException refused = (PermanentException) thrown;
    assertThat(refused.reason()).isEqualTo(FailureReason.AUTH_FAILED);
    assertThat(refused.getMessage()).startsWith("RT agent token refused: ");
    if (!token.isEmpty()) {
      assertThat(refused.getMessage()).as("never echoes the token").doesNotContain(token);
    }
    return refused;
  }

  @Test
  @DisplayName("a valid token names the agent, the queues as groups, and when it expires")
  void valid() throws Exception {
    SignedInAgent agent = signOn.verify(token(b -> b), NOW);

    assertThat(agent)
        .isEqualTo(
            new SignedInAgent(
                "agent1",
                "Agent One",
                "agent1@example.invalid",
                List.of("Support", "Sales"),
                ISSUED.plusSeconds(300)));
  }

  @Test
  @DisplayName("empty name and email (RT users without them) are null; no queues is no group")
  void emptyClaims() throws Exception {
    SignedInAgent agent =
        signOn.verify(
            token(b -> b.claim("name", "").claim("email", "").claim("queues", List.of())), NOW);

    assertThat(agent.name()).isNull();
    assertThat(agent.email()).isNull();
    assertThat(agent.groups()).isEmpty();
  }

  @Test
  @DisplayName("an expired token is refused as expired, after the 30 s clock skew")
  void expired() throws Exception {
    String token = token(b -> b);

    assertThat(signOn.verify(token, ISSUED.plusSeconds(329)).login()).isEqualTo("agent1");
    assertThat(refusal(token, ISSUED.plusSeconds(331)).getMessage())
        .contains("expired at 2026-12-08T10:05:00Z");
  }

  @Test
  @DisplayName("a token issued in the future beyond the skew is refused")
  void issuedInTheFuture() throws Exception {
    assertThat(refusal(token(b -> b), ISSUED.minusSeconds(31)).getMessage())
        .contains("in the future");
  }

  @Test
  @DisplayName("a token signed with another secret is refused for its bad signature")
  void badSignature() throws Exception {
    String other = token(claims().build(), "another-secret-of-at-least-32-characters!");

    assertThat(refusal(other, NOW).getMessage()).contains("bad signature");
  }

  @Test
  @DisplayName("a token whose payload was changed after signing is refused for its signature")
  void tampered() throws Exception {
    String[] parts = token(b -> b).split("\\.");
    String payload =
        Base64URL.encode(
                claims()
                    .claim("queues", List.of("Support", "Sales", "Management"))
                    .build()
                    .toString())
            .toString();

    assertThat(refusal(parts[0] + "." + payload + "." + parts[2], NOW).getMessage())
        .contains("bad signature");
  }

  @Test
  @DisplayName("a token made for another connection is refused for its audience")
  void wrongAudience() throws Exception {
    assertThat(refusal(token(b -> b.audience("rt-eu")), NOW).getMessage())
        .contains("wrong audience", "[rt-eu]", "not for the connection rt");
    assertThat(refusal(token(b -> b.audience((String) null)), NOW).getMessage())
        .contains("wrong audience");
    assertThat(signOn.verify(token(b -> b.audience(List.of("rt-eu", "rt"))), NOW).login())
        .isEqualTo("agent1");
  }

  @Test
  @DisplayName("a token of another issuer is refused")
  void wrongIssuer() throws Exception {
    assertThat(refusal(token(b -> b.issuer("zendesk")), NOW).getMessage()).contains("iss");
  }

  @Test
  @DisplayName("sub, iat and exp are required")
  void requiredClaims() throws Exception {
    assertThat(refusal(token(b -> b.subject(null)), NOW).getMessage()).contains("sub is missing");
    assertThat(refusal(token(b -> b.subject(" ")), NOW).getMessage()).contains("sub is missing");
    assertThat(refusal(token(b -> b.issueTime(null)), NOW).getMessage()).contains("iat");
    assertThat(refusal(token(b -> b.expirationTime(null)), NOW).getMessage()).contains("exp");
  }

  @Test
  @DisplayName("a token living longer than 600 s is refused as too long-lived, even if unexpired")
  void tooLongLived() throws Exception {
    String day = token(b -> b.expirationTime(Date.from(ISSUED.plusSeconds(86_400))));

    assertThat(refusal(day, NOW).getMessage()).contains("too long-lived", "86400 s", "600 s");
    assertThat(
            signOn
                .verify(token(b -> b.expirationTime(Date.from(ISSUED.plusSeconds(600)))), NOW)
                .login())
        .isEqualTo("agent1");
  }

  @Test
  @DisplayName("an unsigned token (alg none) is refused")
  void algNone() {
    String none = new PlainJWT(claims().build()).serialize();

    assertThat(refusal(none, NOW).getMessage()).contains("not signed", "none");
  }

  @Test
  @DisplayName("tokens signed with other algorithms (HS512, RS256) are refused")
  void otherAlgorithms() throws Exception {
    SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims().build());
    hs512.sign(new MACSigner((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(refusal(hs512.serialize(), NOW).getMessage()).contains("HS512", "only HS256");

    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    SignedJWT rs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims().build());
    rs256.sign(new RSASSASigner(rsa.generateKeyPair().getPrivate()));
    assertThat(refusal(rs256.serialize(), NOW).getMessage()).contains("RS256", "only HS256");
  }

  @Test
  @DisplayName("no token, or something that is not a JWT, is refused without echoing it")
  void garbage() {
    assertThat(refusal("", NOW).getMessage()).contains("there is none");
    assertThat(refusal("not-a-jwt-at-all", NOW).getMessage()).contains("not a JWT");
  }

  @Test
  @DisplayName("a queues claim that is not a list of names is refused")
  void badQueues() throws Exception {
    assertThat(refusal(token(b -> b.claim("queues", 42)), NOW).getMessage()).contains("queues");
  }
}
