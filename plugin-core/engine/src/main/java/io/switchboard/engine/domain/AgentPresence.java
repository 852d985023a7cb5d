package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An agent has a conversation open in the inbox view (a heartbeat every few seconds), and whether
 * they are typing: other agents see who else is on it. In the database, not in memory, so every
 * instance sees every agent.
 */
@Entity
@Table(name = "agent_presence")
@IdClass(AgentKey.class)
public class AgentPresence {
  @Id
  @Column(name = "conversation_id")
  private String conversationId;

  @Id
  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Id
  @Column(name = "agent_login")
  private String agentLogin;

  @Column(name = "agent_name")
  private String agentName;

  private boolean typing;

  @Column(name = "seen_at")
  private Instant seenAt;

  protected AgentPresence() {}

  public AgentPresence(AgentKey key, String agentName, boolean typing, Instant now) {
    this.conversationId = key.conversationId();
    this.crmConnectionId = key.crmConnectionId();
    this.agentLogin = key.agentLogin();
    this.agentName = agentName;
    this.typing = typing;
    this.seenAt = now;
  }

  /** Another heartbeat. */
  public void seen(String name, boolean nowTyping, Instant now) {
    agentName = name;
    typing = nowTyping;
    seenAt = now;
  }

  public String conversationId() {
    return conversationId;
  }

  public String crmConnectionId() {
    return crmConnectionId;
  }

  public String agentLogin() {
    return agentLogin;
  }

  public String agentName() {
    return agentName;
  }

  public boolean typing() {
    return typing;
  }

  public Instant seenAt() {
    return seenAt;
  }
}
