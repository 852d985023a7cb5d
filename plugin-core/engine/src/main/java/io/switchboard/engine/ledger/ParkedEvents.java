package io.switchboard.engine.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Inbound events waiting for a channel account nobody configured yet ({@link LedgerStatus#PARKED}),
 * by the route key (account id) they carry. Released in arrival order when the account is added.
 */
@ApplicationScoped
public class ParkedEvents {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;

  /**
   * Puts the parked events of an account id back to work, in the caller's transaction.
   *
   * @param sources the ledger sources to release from (the app's, and stand-alone accounts' own)
   * @return how many were released
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int release(List<String> sources, String routeKey) {
    if (sources.isEmpty()) {
      return 0;
    }
    var update =
        em.createNativeQuery(
                "update inbound_event set status = 'PENDING', next_attempt_at = ?"
                    + " where status = 'PARKED' and route_key = ? and source in ("
                    + String.join(",", sources.stream().map(s -> "?").toList())
                    + ")")
            .setParameter(1, Timestamp.from(clock.instant()))
            .setParameter(2, routeKey);
    for (int i = 0; i < sources.size(); i++) {
      update.setParameter(3 + i, sources.get(i));
    }
    return update.executeUpdate();
  }

  /**
   * Releases parked events whose account exists by now: the safety net for an event parked by a
   * transaction that ran while its account was being added.
   */
  @Transactional
  public int releaseRoutable() {
    return em.createNativeQuery(
            "update inbound_event set status = 'PENDING', next_attempt_at = ?"
                + " where status = 'PARKED' and exists (select 1 from channel_account c"
                + " where c.account_id = inbound_event.route_key"
                + " and (inbound_event.source = concat('app:', c.app_id)"
                + " or inbound_event.source like 'channel:%'))")
        .setParameter(1, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /** Counts parked events, for health and metrics. */
  @Transactional
  public long count() {
    return ((Number)
            em.createNativeQuery("select count(*) from inbound_event where status = 'PARKED'")
                .getSingleResult())
        .longValue();
  }
}
