package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A configured channel account (e.g. one WhatsApp number) and the CRM it feeds. */
@Entity
@Table(name = "channel_account")
public class ChannelAccount extends Connection {
  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  protected ChannelAccount() {}

  public ChannelAccount(String id, String workspaceId, Instant now) {
    super(id, workspaceId, now);
  }

  /** Replaces the configuration (secrets already encrypted) and the CRM it feeds. */
  public void configure(
      String plugin,
      String crmConnectionId,
      String publicConfig,
      String secretConfig,
      Instant now) {
    configure(plugin, publicConfig, secretConfig, now);
    this.crmConnectionId = crmConnectionId;
  }

  /** The CRM connection its conversations are mirrored in, or {@code null}. */
  public String crmConnectionId() {
    return crmConnectionId;
  }
}
