package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A configured connection to a CRM, with its polling cursor. */
@Entity
@Table(name = "crm_connection")
public class CrmConnection {
  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  private String plugin;

  @Column(name = "poll_cursor")
  private String pollCursor;

  @Column(name = "public_config")
  private String publicConfig;

  @Column(name = "secret_config")
  private String secretConfig;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected CrmConnection() {}

  public CrmConnection(String id, String workspaceId, Instant now) {
    this.id = id;
    this.workspaceId = workspaceId;
    this.createdAt = now;
  }

  /** Replaces the configuration (secrets already encrypted). */
  public void configure(String plugin, String publicConfig, String secretConfig, Instant now) {
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

  /** Where the next poll of the CRM's changes starts (opaque to the engine). */
  public String pollCursor() {
    return pollCursor;
  }

  public void pollReached(String cursor) {
    this.pollCursor = cursor;
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
