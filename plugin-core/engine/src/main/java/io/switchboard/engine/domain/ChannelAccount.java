package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A configured channel account (e.g. one WhatsApp number) and the CRM it feeds. */
@Entity
@Table(name = "channel_account")
public class ChannelAccount {
  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  private String plugin;

  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Column(name = "public_config")
  private String publicConfig;

  @Column(name = "secret_config")
  private String secretConfig;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected ChannelAccount() {}

  public ChannelAccount(String id, String workspaceId, Instant now) {
    this.id = id;
    this.workspaceId = workspaceId;
    this.createdAt = now;
  }

  /** Replaces the configuration (secrets already encrypted). */
  public void configure(
      String plugin,
      String crmConnectionId,
      String publicConfig,
      String secretConfig,
      Instant now) {
    this.plugin = plugin;
    this.crmConnectionId = crmConnectionId;
    this.publicConfig = publicConfig;
    this.secretConfig = secretConfig;
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String plugin() {
    return plugin;
  }

  public String crmConnectionId() {
    return crmConnectionId;
  }

  public String publicConfig() {
    return publicConfig;
  }

  public String secretConfig() {
    return secretConfig;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
