/**
 * The agent API under {@code /api/agent} for the shared inbox view (docs/agent-api.md): sign-on,
 * the inbox, conversations, sends as the agent, presence and the event stream. Every resource but
 * the sign-on is bound to {@code @AgentApi}, so its caller holds a session.
 */
package io.switchboard.engine.interfaces.rest.agent;
