package io.switchboard.engine.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where configured connections are kept: channel apps, channel accounts, CRM connections.
 * Implemented with JPA in {@code infrastructure.persistence}.
 */
public interface ConnectionRepository {

  Optional<ChannelApp> app(String id);

  List<ChannelApp> apps();

  Optional<ChannelAccount> channel(String id);

  List<ChannelAccount> channels();

  Optional<CrmConnection> crm(String id);

  List<CrmConnection> crms();

  /** The account of an app with that account id. */
  Optional<ChannelAccount> accountOfApp(String appId, String accountId);

  /** An account of the plugin with that account id (for an event naming another number). */
  Optional<ChannelAccount> accountByAccountId(String plugin, String accountId);

  /** Other accounts that carry this account id. */
  List<ChannelAccount> othersWithAccountId(String accountId, String exceptChannelId);
}
