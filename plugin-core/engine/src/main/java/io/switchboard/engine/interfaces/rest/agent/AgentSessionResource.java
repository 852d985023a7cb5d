package io.switchboard.engine.interfaces.rest.agent;

import io.switchboard.engine.application.agent.AgentSessions;
import io.switchboard.engine.interfaces.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /agent/session}: the CRM's token for its user in exchange for an engine session. The one
 * agent resource without a session: the caller proves who they are with the CRM's signed token.
 */
@Path("/agent")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentSessionResource {
  @Inject AgentSessions sessions;

  @POST
  @Path("/session")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Sign on with the CRM's short-lived token for its user: {crm, token} -> an engine"
              + " session (bearer) with the agent and teams")
  public Response signOn(JsonObject body) {
    String crm = AgentJson.text(body, "crm");
    String token = AgentJson.text(body, "token");
    if (crm == null || crm.isBlank() || token == null || token.isBlank()) {
      return AgentJson.invalid("send {\"crm\": \"<connection id>\", \"token\": \"<CRM token>\"}");
    }
    AgentSessions.SignOn outcome = sessions.signOn(crm, token);
    if (outcome instanceof AgentSessions.SignedOn s) {
      return Response.status(201)
          .entity(
              AgentJson.object()
                  .add("session", s.bearer())
                  .add("expiresAt", s.session().expiresAt().toString())
                  .add("agent", AgentJson.agent(s.session()))
                  .add("crm", s.session().crm())
                  .add("teams", AgentJson.array(s.session().teams(), t -> t))
                  .build())
          .build();
    }
    if (outcome instanceof AgentSessions.NoSuchCrm n) {
      return AgentJson.notFound("no CRM connection " + n.crm());
    }
    if (outcome instanceof AgentSessions.NotConfigured n) {
      return Problem.of(409, "sign-on-not-configured", "Sign-on is not configured")
          .withDetail(
              "CRM connection "
                  + n.crm()
                  + " cannot sign agents on (Request Tracker: set its agentViewSecret)")
          .toResponse();
    }
    if (outcome instanceof AgentSessions.Unavailable u) {
      return Problem.of(503, "agent-sessions-disabled", "Agent sessions are not available")
          .withDetail(u.why())
          .toResponse();
    }
    return Problem.of(401, "invalid-token", "The CRM token was refused")
        .withDetail(((AgentSessions.InvalidToken) outcome).why())
        .toResponse();
  }
}
