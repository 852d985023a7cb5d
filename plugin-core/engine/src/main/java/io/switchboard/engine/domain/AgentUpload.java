package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file an agent uploaded in the inbox view to send: checked by its bytes, kept in the media store
 * under this id. Sending it makes it the stored media of the outbound message (same id, same
 * bytes), so the timeline links to it like to a customer's file.
 */
@Entity
@Table(name = "agent_upload")
public class AgentUpload {
  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Column(name = "agent_login")
  private String agentLogin;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "mime_type")
  private String mimeType;

  /** {@code MediaKind} name. */
  private String kind;

  @Column(name = "size_bytes")
  private long size;

  private String sha256;

  @Column(name = "store_kind")
  private String storeKind;

  @Column(name = "store_location")
  private String storeLocation;

  @Column(name = "created_at")
  private Instant createdAt;

  protected AgentUpload() {}

  /**
   * @param id the id the bytes were stored under ({@link Ids#newId()})
   */
  public AgentUpload(
      String id,
      String workspaceId,
      String crmConnectionId,
      String agentLogin,
      String fileName,
      String mimeType,
      String kind,
      long size,
      String sha256,
      String storeKind,
      String storeLocation,
      Instant now) {
    this.id = id;
    this.workspaceId = workspaceId;
    this.crmConnectionId = crmConnectionId;
    this.agentLogin = agentLogin;
    this.fileName = fileName;
    this.mimeType = mimeType;
    this.kind = kind;
    this.size = size;
    this.sha256 = sha256;
    this.storeKind = storeKind;
    this.storeLocation = storeLocation;
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String crmConnectionId() {
    return crmConnectionId;
  }

  public String agentLogin() {
    return agentLogin;
  }

  public String fileName() {
    return fileName;
  }

  public String mimeType() {
    return mimeType;
  }

  public String kind() {
    return kind;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public String storeKind() {
    return storeKind;
  }

  public String storeLocation() {
    return storeLocation;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
