package io.switchboard.crm.requesttracker;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.crm.capability.AgentSignOn;
import io.switchboard.spi.crm.capability.SignedInAgent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Signs RT's agents into the bridge's inbox view: the RT extension {@code RT-Extension-Switchboard}
 * (tools/request-tracker) puts an HS256 JWT for the signed-in RT user into the frame's address,
 * made with the connection's {@code agentViewSecret}; this class checks it and names the agent and
 * the queues RT lets them see.
 *
 * <p>What a token must be: HS256 (no other algorithm, never {@code none}, so a token cannot choose
 * how it is checked), {@code iss} {@value #ISSUER}, {@code aud} containing this connection's id (a
 * token made for another RT connection does not sign in here), {@code sub}, {@code iat} and {@code
 * exp} present, at most {@link #MAX_LIFETIME} between {@code iat} and {@code exp} (RT makes 300 s
 * tokens: a long-lived token would be a password in a URL), not expired and not issued in the
 * future beyond {@link #CLOCK_SKEW}. Refusals say why, and never repeat the token.
 *
 * <pre>{@code
 * SignedInAgent agent = signOn.verify(tokenFromTheFrameUrl, clock.instant());
 * agent.login();  // "agent1"
 * agent.groups(); // ["Support", "Sales"]: the queues with ShowTicket
 * }</pre>
 */
final class RequestTrackerAgentSignOn implements AgentSignOn {
  /** The {@code iss} of the extension's tokens. */
  static final String ISSUER = "request-tracker";

  /** The longest a token may live ({@code exp - iat}); RT's extension makes 300 s tokens. */
  static final Duration MAX_LIFETIME = Duration.ofSeconds(600);

  /** How far RT's clock and the bridge's may disagree. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  /** The shortest secret: HS256 needs a key of at least 256 bits. */
  static final int MIN_SECRET_LENGTH = 32;

  private final MACVerifier verifier;
  private final String audience;
  private final URI ui;

  /**
   * @param secret the connection's {@code agentViewSecret} (RT's {@code $SwitchboardViewSecret})
   * @param audience the connection id, which RT's {@code $SwitchboardConnection} names
   * @param ui RT's web UI root (the {@code uiUrl} option, else {@code baseUrl})
   */
  RequestTrackerAgentSignOn(String secret, String audience, URI ui) {
    try {
      this.verifier = new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) { // KeyLengthException: shorter than 256 bits
      throw new IllegalArgumentException(
          "the agent view secret must be at least " + MIN_SECRET_LENGTH + " characters", e);
    }
    this.audience = audience;
    this.ui = URI.create(ui.toString().replaceAll("/+$", ""));
  }

  @Override
  public SignedInAgent verify(String token, Instant now) throws PermanentException {
    SignedJWT jwt = signed(token);
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refused("its claims are not a JSON object");
    }
    if (!ISSUER.equals(claims.getIssuer())) {
      throw refused("it was not issued by Request Tracker (iss must be \"" + ISSUER + "\")");
    }
    List<String> audiences = claims.getAudience();
    if (audiences == null || !audiences.contains(audience)) {
      throw refused(
          "wrong audience: it was made for "
              + (audiences == null || audiences.isEmpty() ? "no connection" : audiences)
              + ", not for the connection "
              + audience
              + " ($SwitchboardConnection in RT)");
    }
    String login = claims.getSubject();
    if (login == null || login.isBlank()) {
      throw refused("it names no agent (sub is missing)");
    }
    Instant issuedAt = instant(claims.getIssueTime(), "iat");
    Instant expiresAt = instant(claims.getExpirationTime(), "exp");
    long lifetime = Duration.between(issuedAt, expiresAt).getSeconds();
    if (lifetime > MAX_LIFETIME.getSeconds()) {
      throw refused(
          "too long-lived: "
              + lifetime
              + " s between iat and exp, at most "
              + MAX_LIFETIME.getSeconds()
              + " s");
    }
    if (now.isAfter(expiresAt.plus(CLOCK_SKEW))) {
      throw refused("expired at " + expiresAt + " (reload the RT page for a new one)");
    }
    if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw refused(
          "issued at " + issuedAt + ", in the future: are RT's and the bridge's clocks set?");
    }
    return new SignedInAgent(
        login, text(claims, "name"), text(claims, "email"), queues(claims), expiresAt);
  }

  /**
   * A signed HS256 token with a valid signature, else a refusal saying which of those it is not.
   */
  private SignedJWT signed(String token) throws PermanentException {
    if (token == null || token.isBlank()) {
      throw refused("there is none");
    }
    JWT parsed;
    try {
      parsed = JWTParser.parse(token.trim());
    } catch (ParseException e) {
      throw refused("it is not a JWT");
    }
    if (!(parsed instanceof SignedJWT jwt)) {
      throw refused("it is not signed (alg " + parsed.getHeader().getAlgorithm() + ")");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw refused(
          "it is signed with " + jwt.getHeader().getAlgorithm() + ", only HS256 is accepted");
    }
    try {
      if (!jwt.verify(verifier)) {
        throw refused("bad signature (not made with this connection's agentViewSecret)");
      }
    } catch (JOSEException e) {
      throw refused("its signature cannot be checked: " + e.getMessage());
    }
    return jwt;
  }

  private static Instant instant(Date date, String claim) throws PermanentException {
    if (date == null) {
      throw refused("the claim " + claim + " is missing");
    }
    return date.toInstant();
  }

  private static String text(JWTClaimsSet claims, String name) throws PermanentException {
    try {
      String value = claims.getStringClaim(name);
      return value == null || value.isBlank() ? null : value;
    } catch (ParseException e) {
      throw refused("the claim " + name + " is not a string");
    }
  }

  private static List<String> queues(JWTClaimsSet claims) throws PermanentException {
    try {
      List<String> queues = claims.getStringListClaim("queues");
      return queues == null ? List.of() : List.copyOf(queues);
    } catch (ParseException e) {
      throw refused("the claim queues is not a list of queue names");
    }
  }

  private static PermanentException refused(String why) {
    return new PermanentException(
        "RT agent token refused: " + why, null, null, FailureReason.AUTH_FAILED);
  }

  @Override
  public String ticketUrl(String ticketId) {
    return ui + "/Ticket/Display.html?id=" + RequestTrackerRestClient.encode(ticketId);
  }

  /** The origin of RT's UI ({@code scheme://host[:port]}), which frames the view. */
  @Override
  public List<String> frameOrigins() {
    int port = ui.getPort();
    boolean defaultPort =
        port < 0
            || ("http".equalsIgnoreCase(ui.getScheme()) && port == 80)
            || ("https".equalsIgnoreCase(ui.getScheme()) && port == 443);
    return List.of(
        ui.getScheme().toLowerCase(Locale.ROOT)
            + "://"
            + ui.getHost().toLowerCase(Locale.ROOT)
            + (defaultPort ? "" : ":" + port));
  }
}
