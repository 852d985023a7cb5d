package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.spi.PluginException;
import io.switchboard.spi.crm.PollResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * The fallback path for CRM changes: reads each connection's changes since its cursor and stores
 * them in the ledger like webhook events (same dedupe keys, so an event seen both ways counts
 * once). The connection row is locked while polling, so only one instance polls a connection at a
 * time.
 */
@ApplicationScoped
public class CrmPoller {
  private static final Logger LOG = Logger.getLogger(CrmPoller.class.getName());

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject PluginRegistry registry;
  @Inject WebhookIngestion ingestion;

  /**
   * Polls one connection (call it through the bean, so that it runs in its own transaction).
   *
   * @return how many new events were stored
   */
  @Transactional
  public int poll(String connectionId) {
    CrmConnection connection =
        em.find(CrmConnection.class, connectionId, LockModeType.PESSIMISTIC_WRITE);
    if (connection == null) {
      return 0;
    }
    try {
      PollResult result = registry.adapter(connection).poll(connection.pollCursor());
      int stored = ingestion.storeCrmEvents(connection, result.events());
      connection.pollReached(result.nextCursor());
      return stored;
    } catch (PluginException e) {
      LOG.info("polling CRM " + connectionId + " failed, will try again: " + e.getMessage());
      return 0;
    }
  }
}
