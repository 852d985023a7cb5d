package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.agent.AgentSessionTokens;
import io.switchboard.engine.application.agent.AgentSessions;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Guards the agent API with the engine's session token ({@code Authorization: Bearer <session>}).
 * Bound by {@link AgentApi} to the agent resources after JAX-RS matched the request. An expired
 * session is told apart ({@code session-expired}: the page asks the CRM page for a new sign-on)
 * from a missing or forged one ({@code unauthorized}).
 */
@Provider
@AgentApi
@Priority(Priorities.AUTHENTICATION)
public class AgentAuthFilter implements ContainerRequestFilter {
  static final String CHALLENGE = "Bearer realm=\"switchboard-agent\"";

  @Inject AgentSessions sessions;
  @Inject CurrentAgent current;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String token =
        header != null && header.toLowerCase(Locale.ROOT).startsWith("bearer ")
            ? header.substring(7).strip()
            : null;
    AgentSessionTokens.Verdict verdict = sessions.verify(token);
    if (verdict instanceof AgentSessionTokens.Verified v) {
      current.accepted(v.session());
      return;
    }
    Problem p =
        verdict instanceof AgentSessionTokens.Expired e
            ? Problem.of(401, "session-expired", "The session expired")
                .withDetail("the session ended at " + e.at() + ": reload the page in the CRM")
            : Problem.of(401, "unauthorized", "Agent session required")
                .withDetail(
                    token == null
                        ? "missing bearer token"
                        : ((AgentSessionTokens.Invalid) verdict).why());
    request.abortWith(
        Response.fromResponse(p.withInstance(Problems.instance(request.getUriInfo())).toResponse())
            .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
            .build());
  }
}
