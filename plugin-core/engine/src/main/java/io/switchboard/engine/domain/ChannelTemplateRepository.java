package io.switchboard.engine.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where the synced templates of channel accounts are kept. Implemented with JPA in {@code
 * infrastructure.persistence}.
 */
public interface ChannelTemplateRepository {

  /** Every template of an account, by name then language. */
  List<ChannelTemplate> ofChannel(String channelId);

  Optional<ChannelTemplate> find(String channelId, String name, String language);

  /** The templates of an account with the channel's template id (one per language at most). */
  List<ChannelTemplate> byExternalId(String channelId, String externalId);

  /** The templates of an account with a name, in every language. */
  List<ChannelTemplate> byName(String channelId, String name);

  /**
   * Locks the channel account's row until the transaction ends, so two syncs of one account (a
   * webhook, the channel's PUT, an admin's POST) run one after the other instead of inserting the
   * same templates twice.
   */
  void lockForSync(String channelId);

  void add(ChannelTemplate template);

  void remove(ChannelTemplate template);
}
