package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.SyncState;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.sync.SyncedValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last agreed state of each mapped field of each CRM object ({@code sync_state}): what makes a
 * CRM change recognisable as the bridge's own write, and a bridge value that the CRM already shows
 * need no write.
 */
@ApplicationScoped
public class SyncStates {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;

  /** By CRM field, the agreed state of every mapped field of one object. */
  @Transactional
  public Map<String, SyncedValue> of(String connectionId, FieldTarget target, String objectId) {
    Map<String, SyncedValue> out = new HashMap<>();
    em.createQuery(
            "select s from SyncState s where s.crmConnectionId = :c and s.target = :t"
                + " and s.objectId = :o",
            SyncState.class)
        .setParameter("c", connectionId)
        .setParameter("t", target.name())
        .setParameter("o", objectId)
        .getResultList()
        .forEach(
            s ->
                out.put(
                    s.crmField(), new SyncedValue(s.crmValue(), s.bridgeValue(), s.syncedAt())));
    return out;
  }

  @Transactional
  public Optional<SyncedValue> of(
      String connectionId, FieldTarget target, String objectId, String crmField) {
    SyncState s = em.find(SyncState.class, key(connectionId, target, objectId, crmField));
    return Optional.ofNullable(s)
        .map(found -> new SyncedValue(found.crmValue(), found.bridgeValue(), found.syncedAt()));
  }

  /**
   * Both sides now agree on these fields of one object.
   *
   * @param crmValues by CRM field, the value the CRM holds now
   * @param bridgeValues by CRM field, the canonical bridge value it stands for (absent: none)
   */
  @Transactional
  public void agreed(
      String connectionId,
      FieldTarget target,
      String objectId,
      Map<String, String> crmValues,
      Map<String, String> bridgeValues) {
    crmValues.forEach(
        (field, crmValue) -> {
          String bridgeValue = bridgeValues.get(field);
          SyncState s = em.find(SyncState.class, key(connectionId, target, objectId, field));
          if (s == null) {
            em.persist(
                new SyncState(
                    connectionId,
                    target.name(),
                    objectId,
                    field,
                    crmValue,
                    bridgeValue,
                    clock.instant()));
          } else {
            s.agreed(crmValue, bridgeValue, clock.instant());
          }
        });
  }

  /** What a field of an object holds is no longer known: the next sync writes it. */
  @Transactional
  public void forget(String connectionId, FieldTarget target, String objectId, String crmField) {
    SyncState s = em.find(SyncState.class, key(connectionId, target, objectId, crmField));
    if (s != null) {
      em.remove(s);
    }
  }

  /** A mapping changed: every object's field is written again in its new form. */
  @Transactional
  public int forgetField(String connectionId, FieldTarget target, String crmField) {
    return em.createQuery(
            "delete from SyncState s where s.crmConnectionId = :c and s.target = :t"
                + " and s.crmField = :f")
        .setParameter("c", connectionId)
        .setParameter("t", target.name())
        .setParameter("f", crmField)
        .executeUpdate();
  }

  private static SyncState.Key key(
      String connectionId, FieldTarget target, String objectId, String crmField) {
    return new SyncState.Key(connectionId, target.name(), objectId, crmField);
  }
}
