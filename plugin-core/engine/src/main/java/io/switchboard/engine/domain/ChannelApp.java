package io.switchboard.engine.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A configured channel app: one webhook URL, one app secret and verify token (a Meta app), serving
 * the channel accounts that name it. Its events are routed to accounts by their account id.
 */
@Entity
@Table(name = "channel_app")
public class ChannelApp extends Connection {

  protected ChannelApp() {}

  public ChannelApp(String id, String workspaceId, Instant now) {
    super(id, workspaceId, now);
  }

  /** Replaces the configuration (secrets already encrypted). */
  @Override
  public void configure(String plugin, String publicConfig, String secretConfig, Instant now) {
    super.configure(plugin, publicConfig, secretConfig, now);
  }
}
