package io.switchboard.engine.application.templates;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.capability.TemplateCatalog;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Reads every template of a channel account from its connector's {@link TemplateCatalog} (paging is
 * the connector's) and makes the stored copy match it. The remote call runs outside any
 * transaction; only the write is transactional ({@link TemplateRows}). The last outcome per account
 * is kept on this instance for the admin API.
 */
@ApplicationScoped
public class TemplateSync {
  private static final Logger LOG = Logger.getLogger(TemplateSync.class.getName());

  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject TemplateRows rows;
  @Inject Clock clock;

  private final Map<String, Outcome> last = new ConcurrentHashMap<>();

  /** How the last sync of an account went, on this instance. */
  public record Outcome(Instant at, boolean ok, String detail) {}

  /** The account's catalog, or empty when its connector offers none. */
  public Optional<TemplateCatalog> catalogOf(ChannelAccount account) {
    return registry.connector(account).capability(TemplateCatalog.class);
  }

  /**
   * Syncs one account now.
   *
   * @return what changed, or empty when the account's connector has no template catalog
   */
  public Optional<TemplateRows.Replaced> sync(ChannelAccount account)
      throws RetryableException, PermanentException {
    Optional<TemplateCatalog> catalog = catalogOf(account);
    if (catalog.isEmpty()) {
      return Optional.empty();
    }
    List<TemplateDefinition> defs;
    try {
      defs = catalog.get().templates();
    } catch (RetryableException | PermanentException | RuntimeException e) {
      last.put(account.id(), new Outcome(clock.instant(), false, e.getMessage()));
      throw e;
    }
    TemplateRows.Replaced replaced = rows.replace(account.workspaceId(), account.id(), defs);
    last.put(account.id(), new Outcome(clock.instant(), true, replaced.toString()));
    return Optional.of(replaced);
  }

  /**
   * Syncs every account that has a catalog; a failing account is logged and does not stop the rest.
   */
  public void syncAll() {
    for (ChannelAccount account : connections.channels()) {
      try {
        sync(account)
            .ifPresent(r -> LOG.fine("templates of channel " + account.id() + " synced: " + r));
      } catch (RetryableException | PermanentException | RuntimeException e) {
        LOG.warning(
            "templates of channel "
                + account.id()
                + " not synced (next try at the next interval, or POST"
                + " /admin/channels/"
                + account.id()
                + "/templates/sync): "
                + e.getMessage());
      }
    }
  }

  /** The last sync of an account on this instance, if any. */
  public Optional<Outcome> lastOutcome(String channelId) {
    return Optional.ofNullable(last.get(channelId));
  }
}
