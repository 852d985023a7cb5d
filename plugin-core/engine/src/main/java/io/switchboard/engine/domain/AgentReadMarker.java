package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * When an agent (a login of one CRM connection) last read a conversation in the inbox view: the
 * customer's messages after it are the agent's unread ones.
 */
@Entity
@Table(name = "agent_read")
@IdClass(AgentKey.class)
public class AgentReadMarker {
  @Id
  @Column(name = "conversation_id")
  private String conversationId;

  @Id
  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Id
  @Column(name = "agent_login")
  private String agentLogin;

  @Column(name = "read_at")
  private Instant readAt;

  protected AgentReadMarker() {}

  public AgentReadMarker(AgentKey key, Instant readAt) {
    this.conversationId = key.conversationId();
    this.crmConnectionId = key.crmConnectionId();
    this.agentLogin = key.agentLogin();
    this.readAt = readAt;
  }

  /** Read again; the marker only moves forward. */
  public void readAt(Instant at) {
    if (readAt == null || at.isAfter(readAt)) {
      readAt = at;
    }
  }

  public Instant readAt() {
    return readAt;
  }
}
