package io.switchboard.engine.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of what the inbox view keeps per agent and conversation ({@link AgentReadMarker}, {@link
 * AgentPresence}): an agent is a login of one CRM connection.
 */
public class AgentKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private String conversationId;
  private String crmConnectionId;
  private String agentLogin;

  public AgentKey() {}

  public AgentKey(String conversationId, String crmConnectionId, String agentLogin) {
    this.conversationId = conversationId;
    this.crmConnectionId = crmConnectionId;
    this.agentLogin = agentLogin;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof AgentKey k
        && Objects.equals(conversationId, k.conversationId)
        && Objects.equals(crmConnectionId, k.crmConnectionId)
        && Objects.equals(agentLogin, k.agentLogin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(conversationId, crmConnectionId, agentLogin);
  }
}
