package io.switchboard.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens as Request Tracker's Switchboard extension issues them, for a second agent the test plays
 * without a second browser: signed with the connection's view secret, exchanged for a session.
 */
final class AgentTokens {
  private AgentTokens() {}

  /** An RT token for {@code login}, valid for five minutes. */
  static String rtToken(String secret, String connectionId, String login, List<String> queues) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("request-tracker")
            .audience(connectionId)
            .subject(login)
            .claim("name", login)
            .claim("email", login + "@example.invalid")
            .claim("queues", queues)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A session of the agent API for {@code login}, through the bridge's sign-on. */
  static String session(
      SwitchboardClient bridge,
      String connectionId,
      String secret,
      String login,
      List<String> queues) {
    SwitchboardClient.Answer answer =
        bridge.postAs(
            "/api/agent/session",
            Map.of("Content-Type", "application/json"),
            Json.createObjectBuilder()
                .add("crm", connectionId)
                .add("token", rtToken(secret, connectionId, login, queues))
                .build()
                .toString());
    if (answer.status() != 201) {
      throw new IllegalStateException("agent sign-on failed: " + answer);
    }
    return answer.json().getString("session");
  }
}
