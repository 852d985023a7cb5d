package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A configured connection to a CRM, with its polling cursor. */
@Entity
@Table(name = "crm_connection")
public class CrmConnection extends Connection {
  @Column(name = "poll_cursor")
  private String pollCursor;

  protected CrmConnection() {}

  public CrmConnection(String id, String workspaceId, Instant now) {
    super(id, workspaceId, now);
  }

  /** Replaces the configuration (secrets already encrypted). */
  @Override
  public void configure(String plugin, String publicConfig, String secretConfig, Instant now) {
    super.configure(plugin, publicConfig, secretConfig, now);
  }

  /** Where the next poll of the CRM's changes starts (opaque to the engine). */
  public String pollCursor() {
    return pollCursor;
  }

  public void pollReached(String cursor) {
    this.pollCursor = cursor;
  }
}
