package io.switchboard.engine.application.agent;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.crm.capability.AgentSignOn;
import io.switchboard.spi.crm.capability.SignedInAgent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs agents on: the CRM's UI hands the page a short-lived token for its user, the CRM
 * connection's adapter checks it ({@link AgentSignOn}), and the engine answers with its own session
 * token ({@link AgentSessionTokens}, {@code switchboard.agent.session-hours}, default 8) that every
 * later call carries.
 */
@ApplicationScoped
public class AgentSessions {
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "switchboard.secrets.key")
  Optional<String> secretsKey;

  @Inject
  @ConfigProperty(name = "switchboard.agent.session-hours", defaultValue = "8")
  int sessionHours;

  AgentSessionTokens tokens;

  @PostConstruct
  void init() {
    tokens = new AgentSessionTokens(secretsKey.orElse(null), clock);
  }

  /** What a sign-on came to. */
  public sealed interface SignOn
      permits SignedOn, NoSuchCrm, NotConfigured, InvalidToken, Unavailable {}

  /** Signed on: the session and its bearer token. */
  public record SignedOn(AgentSession session, String bearer) implements SignOn {}

  public record NoSuchCrm(String crm) implements SignOn {}

  /** The connection's adapter cannot sign agents on (RT: no {@code agentViewSecret}). */
  public record NotConfigured(String crm) implements SignOn {}

  public record InvalidToken(String why) implements SignOn {}

  /** The engine cannot issue sessions (no usable secrets key). */
  public record Unavailable(String why) implements SignOn {}

  public SignOn signOn(String crmId, String crmToken) {
    Optional<CrmConnection> crm = connections.crm(crmId);
    if (crm.isEmpty()) {
      return new NoSuchCrm(crmId);
    }
    Optional<AgentSignOn> signOn = signOnOf(crm.get());
    if (signOn.isEmpty()) {
      return new NotConfigured(crmId);
    }
    if (!tokens.available()) {
      return new Unavailable("set switchboard.secrets.key: agent sessions are signed with it");
    }
    SignedInAgent agent;
    try {
      agent = signOn.get().verify(crmToken, clock.instant());
    } catch (PermanentException e) {
      return new InvalidToken(e.getMessage());
    }
    AgentSession session =
        new AgentSession(
            crmId,
            agent.login(),
            agent.name(),
            agent.email(),
            agent.groups(),
            tokens.expiryFrom(Duration.ofHours(sessionHours)));
    return new SignedOn(session, tokens.issue(session));
  }

  /** Checks a bearer token of a later call. */
  public AgentSessionTokens.Verdict verify(String bearer) {
    return tokens.verify(bearer);
  }

  /** The sign-on capability of a CRM connection's adapter, if it has one and can be created. */
  public Optional<AgentSignOn> signOnOf(CrmConnection crm) {
    try {
      return registry.adapter(crm).capability(AgentSignOn.class);
    } catch (RuntimeException e) {
      return Optional.empty(); // an adapter that cannot be created signs nobody on
    }
  }
}
