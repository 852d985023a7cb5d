package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The CRM's requester id of a customer, per CRM connection. */
@Entity
@Table(name = "crm_requester")
@IdClass(CrmRequesterLink.Key.class)
public class CrmRequesterLink {
  @Id
  @Column(name = "customer_id")
  private String customerId;

  @Id
  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "requester_id")
  private String requesterId;

  @Column(name = "created_at")
  private Instant createdAt;

  protected CrmRequesterLink() {}

  public CrmRequesterLink(
      String workspaceId,
      String customerId,
      String crmConnectionId,
      String requesterId,
      Instant now) {
    this.workspaceId = workspaceId;
    this.customerId = customerId;
    this.crmConnectionId = crmConnectionId;
    this.requesterId = requesterId;
    this.createdAt = now;
  }

  public String requesterId() {
    return requesterId;
  }

  public String customerId() {
    return customerId;
  }

  public String crmConnectionId() {
    return crmConnectionId;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String customerId;
    private String crmConnectionId;

    public Key() {}

    public Key(String customerId, String crmConnectionId) {
      this.customerId = customerId;
      this.crmConnectionId = crmConnectionId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(customerId, k.customerId)
          && Objects.equals(crmConnectionId, k.crmConnectionId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(customerId, crmConnectionId);
    }
  }
}
