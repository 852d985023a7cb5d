package io.switchboard.engine.application.routing;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.ChannelApp;
import io.switchboard.engine.domain.ConnectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Routing by account: finds the channel account an event belongs to, by the app it came through and
 * the account id it carries (WhatsApp {@code phone_number_id}). One primary-key or indexed lookup
 * each; nothing is cached for ids that do not exist.
 */
@ApplicationScoped
public class ChannelRouting {
  @Inject ConnectionRepository repository;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChannelApp> app(String id) {
    return repository.app(id);
  }

  /** The account of an app with that account id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChannelAccount> account(String appId, String accountId) {
    return repository.accountOfApp(appId, accountId);
  }

  /**
   * The account with that account id among accounts of the same plugin (for an event that came
   * through another account's own webhook URL but names a different number).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ChannelAccount> byAccountId(String plugin, String accountId) {
    return repository.accountByAccountId(plugin, accountId);
  }

  @Transactional
  public List<ChannelApp> apps() {
    return repository.apps();
  }
}
