package io.switchboard.engine.application.agent;

import java.time.Instant;
import java.util.List;

/**
 * A signed-on agent as every call of the agent API carries it: who (a login of one CRM connection),
 * which teams (the CRM groups, RT queues, the agent may see) and until when.
 *
 * @param crm the CRM connection id, e.g. {@code rt}
 * @param login the agent's login in that CRM
 * @param name the display name, or {@code ""}
 * @param email the e-mail address, or {@code ""}
 * @param teams the teams (groups) the CRM said the agent may see
 * @param expiresAt when the session ends
 */
public record AgentSession(
    String crm, String login, String name, String email, List<String> teams, Instant expiresAt) {
  public AgentSession {
    name = name == null ? "" : name;
    email = email == null ? "" : email;
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  /** Whether the agent may see a conversation of this CRM connection and team. */
  public boolean sees(String crmConnectionId, String team) {
    return crm.equals(crmConnectionId) && team != null && teams.contains(team);
  }

  /** The name to show: the display name, else the login. */
  public String displayName() {
    return name.isBlank() ? login : name;
  }
}
