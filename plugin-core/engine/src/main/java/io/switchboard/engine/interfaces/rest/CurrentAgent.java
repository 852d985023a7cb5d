package io.switchboard.engine.interfaces.rest;

import io.switchboard.engine.application.agent.AgentSession;
import jakarta.enterprise.context.RequestScoped;

/** The agent whose session {@link AgentAuthFilter} accepted for the current request. */
@RequestScoped
public class CurrentAgent {
  private AgentSession session;

  void accepted(AgentSession s) {
    this.session = s;
  }

  /**
   * @throws IllegalStateException outside an {@link AgentApi} request (a wiring mistake)
   */
  public AgentSession session() {
    if (session == null) {
      throw new IllegalStateException("no agent session: the resource is not bound to @AgentApi");
    }
    return session;
  }
}
