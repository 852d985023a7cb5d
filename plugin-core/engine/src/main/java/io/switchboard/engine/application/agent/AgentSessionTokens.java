package io.switchboard.engine.application.agent;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The agent API's bearer tokens: HS256 JWTs signed by the engine, stateless so that every instance
 * with the same secrets key accepts them. The key is derived from {@code switchboard.secrets.key}
 * for this purpose only (HMAC-SHA256 of a purpose label), so a session never reveals anything about
 * the key that encrypts connection secrets or the one that signs media links, and changing the
 * secrets key ends every session.
 *
 * <pre>{@code
 * String bearer = tokens.issue(new AgentSession("rt", "amal", "Amal", "", List.of("Support"), exp));
 * tokens.verify(bearer); // Verified(session) until exp, then Expired
 * }</pre>
 */
public final class AgentSessionTokens {
  private static final byte[] PURPOSE =
      "switchboard agent sessions v1".getBytes(StandardCharsets.US_ASCII);
  static final String ISSUER = "switchboard";
  static final String AUDIENCE = "switchboard-agent";

  private final byte[] key;
  private final Clock clock;

  /**
   * @param secretsKey the engine's secrets key (base64 of 32 bytes), or {@code null}
   */
  public AgentSessionTokens(String secretsKey, Clock clock) {
    this.key = derive(secretsKey).orElse(null);
    this.clock = clock;
  }

  /** What a presented token amounts to. */
  public sealed interface Verdict permits Verified, Expired, Invalid {}

  public record Verified(AgentSession session) implements Verdict {}

  public record Expired(Instant at) implements Verdict {}

  /**
   * @param why for the log and the answer's detail (never the token itself)
   */
  public record Invalid(String why) implements Verdict {}

  /** Whether sessions can be issued (a usable secrets key is configured). */
  public boolean available() {
    return key != null;
  }

  /** A signed bearer token for the session. */
  public String issue(AgentSession s) {
    if (key == null) {
      throw new IllegalStateException("no usable switchboard.secrets.key: no agent sessions");
    }
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(s.login())
            .claim("crm", s.crm())
            .claim("name", s.name())
            .claim("email", s.email())
            .claim("teams", s.teams())
            .issueTime(Date.from(clock.instant()))
            .expirationTime(Date.from(s.expiresAt()))
            .build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an agent session", e);
    }
  }

  /** Checks signature, issuer, audience and expiry (no clock skew: the engine made it). */
  public Verdict verify(String token) {
    if (key == null) {
      return new Invalid("agent sessions are not available (no secrets key)");
    }
    if (token == null || token.isBlank()) {
      return new Invalid("no session token");
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token.strip());
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
        return new Invalid("not an engine session (algorithm)");
      }
      if (!jwt.verify(new MACVerifier(key))) {
        return new Invalid("bad signature");
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      if (!ISSUER.equals(c.getIssuer()) || !c.getAudience().contains(AUDIENCE)) {
        return new Invalid("not an engine session (issuer or audience)");
      }
      Date exp = c.getExpirationTime();
      if (exp == null || c.getSubject() == null || c.getStringClaim("crm") == null) {
        return new Invalid("incomplete session");
      }
      if (!clock.instant().isBefore(exp.toInstant())) {
        return new Expired(exp.toInstant());
      }
      List<String> teams = c.getStringListClaim("teams");
      return new Verified(
          new AgentSession(
              c.getStringClaim("crm"),
              c.getSubject(),
              c.getStringClaim("name"),
              c.getStringClaim("email"),
              teams == null ? List.of() : teams,
              exp.toInstant()));
    } catch (ParseException e) {
      return new Invalid("unreadable session token");
    } catch (JOSEException e) {
      return new Invalid("session cannot be checked: " + e.getMessage());
    }
  }

  /** When a session issued now ends. */
  public Instant expiryFrom(Duration lifetime) {
    return clock.instant().plus(lifetime);
  }

  private static Optional<byte[]> derive(String secretsKey) {
    if (secretsKey == null || secretsKey.isBlank()) {
      return Optional.empty();
    }
    byte[] master;
    try {
      master = Base64.getDecoder().decode(secretsKey.trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (master.length != 32) {
      return Optional.empty();
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return Optional.of(mac.doFinal(PURPOSE));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
