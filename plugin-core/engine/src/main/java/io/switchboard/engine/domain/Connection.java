package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every configured connection has, a channel account or a CRM connection: the plugin that
 * serves it and its configuration, public values as JSON and secrets encrypted.
 */
@MappedSuperclass
public abstract class Connection {
  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  private String plugin;

  @Column(name = "public_config")
  private String publicConfig;

  @Column(name = "secret_config")
  private String secretConfig;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected Connection() {}

  protected Connection(String id, String workspaceId, Instant now) {
    this.id = id;
    this.workspaceId = workspaceId;
    this.createdAt = now;
  }

  /** Replaces the plugin and its configuration (secrets already encrypted). */
  protected void configure(String plugin, String publicConfig, String secretConfig, Instant now) {
    this.plugin = plugin;
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

  public String publicConfig() {
    return publicConfig;
  }

  public String secretConfig() {
    return secretConfig;
  }

  /** Changes with every reconfiguration: live plugin instances are recreated when it moves. */
  public Instant updatedAt() {
    return updatedAt;
  }
}
