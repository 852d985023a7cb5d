package io.switchboard.spi.crm.capability;

import java.time.Instant;
import java.util.List;

/**
 * An agent signed in through {@link AgentSignOn}.
 *
 * @param login the agent's login in the CRM (as in assignments)
 * @param name the display name, or {@code null}
 * @param email the e-mail address, or {@code null}
 * @param groups the groups (queues, teams) whose conversations the CRM lets the agent see
 * @param expiresAt when the CRM's token expires
 * @since 2.3.0
 */
public record SignedInAgent(
    String login, String name, String email, List<String> groups, Instant expiresAt) {
  public SignedInAgent {
    if (login == null || login.isBlank()) {
      throw new IllegalArgumentException("an agent needs a login");
    }
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
