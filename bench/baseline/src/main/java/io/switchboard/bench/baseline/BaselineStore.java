package io.switchboard.bench.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;

/** Writes and counts baseline rows, one JTA transaction per call (as the engine's ingest does). */
@ApplicationScoped
public class BaselineStore {
  @PersistenceContext(unitName = "baseline")
  EntityManager em;

  /** Inserts one row and commits. */
  @Transactional
  public void store(WebhookMessageSummary message, byte[] body) {
    em.persist(new BaselineEvent(message, body, LocalDateTime.now()));
  }

  /** How many rows are stored (to check a run against the load generator's count). */
  @Transactional
  public long count() {
    return em.createQuery("select count(e) from BaselineEvent e", Long.class).getSingleResult();
  }
}
