package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A configured channel account (e.g. one WhatsApp number), the app whose webhooks carry its events
 * (or none: then it has its own webhook URL and app values), and the CRM it feeds.
 */
@Entity
@Table(name = "channel_account")
public class ChannelAccount extends Connection {
  @Column(name = "crm_connection_id")
  private String crmConnectionId;

  @Column(name = "app_id")
  private String appId;

  @Column(name = "account_id")
  private String accountId;

  protected ChannelAccount() {}

  public ChannelAccount(String id, String workspaceId, Instant now) {
    super(id, workspaceId, now);
  }

  /** Replaces the configuration (secrets already encrypted), its app, account id and CRM. */
  public void configure(
      String plugin,
      String appId,
      String accountId,
      String crmConnectionId,
      String publicConfig,
      String secretConfig,
      Instant now) {
    configure(plugin, publicConfig, secretConfig, now);
    this.appId = appId;
    this.accountId = accountId;
    this.crmConnectionId = crmConnectionId;
  }

  /** The CRM connection its conversations are mirrored in, or {@code null}. */
  public String crmConnectionId() {
    return crmConnectionId;
  }

  /** The channel app whose webhooks carry this account's events, or {@code null}. */
  public String appId() {
    return appId;
  }

  /** The id the channel's events carry for this account (WhatsApp phone number id). */
  public String accountId() {
    return accountId;
  }
}
