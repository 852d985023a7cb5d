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

  @Column(name = "reopen_within")
  private String reopenWithin;

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

  /**
   * The ticket policy: how long after its ticket was solved a customer's message reopens it (an
   * ISO-8601 duration), or {@code null} for the engine's default.
   */
  public String reopenWithin() {
    return reopenWithin;
  }

  /** Sets the ticket policy's reopen period ({@code null}: the engine's default). */
  public void reopenWithin(java.time.Duration period) {
    this.reopenWithin = period == null ? null : period.toString();
  }
}
