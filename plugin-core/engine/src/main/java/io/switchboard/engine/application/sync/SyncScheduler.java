package io.switchboard.engine.application.sync;

import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Ids;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.sync.BridgeField;
import io.switchboard.sync.FieldMapping;
import io.switchboard.sync.MappingSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Schedules the field sync when something a mapping may show changed: one {@link
 * SyncActions#SYNC_TO_CRM} per customer and CRM connection, in the transaction of the change. It
 * adds none when the connection maps none of the changed fields to the CRM, or when one is already
 * waiting unclaimed (that one will read the values when it runs, so it covers this change too).
 */
@ApplicationScoped
public class SyncScheduler {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject MappingStore mappings;
  @Inject Outbox outbox;

  @Transactional(Transactional.TxType.MANDATORY)
  void customerChanged(@Observes CustomerChanged event) {
    for (String connection : connectionsOf(event.customerId())) {
      schedule(event.workspaceId(), connection, event.customerId(), null);
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void conversationChanged(@Observes ConversationChanged event) {
    Conversation c = em.find(Conversation.class, event.conversationId());
    if (c != null && c.crmConnectionId() != null) {
      schedule(c.workspaceId(), c.crmConnectionId(), c.customerId(), event.fields());
    }
  }

  /**
   * Schedules a sync of the customer into the connection.
   *
   * @param fields the bridge fields that changed, or {@code null} for any
   * @return whether an effect was added
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean schedule(
      String workspaceId, String connectionId, String customerId, Set<BridgeField> fields) {
    if (!affects(mappings.inForce(connectionId), fields)) {
      return false;
    }
    String orderingKey = orderingKey(connectionId, customerId);
    long waiting =
        em.createQuery(
                "select count(o) from OutboxEntry o where o.orderingKey = :k"
                    + " and o.status = :s and o.action = :a",
                Long.class)
            .setParameter("k", orderingKey)
            .setParameter("s", LedgerStatus.PENDING)
            .setParameter("a", SyncActions.SYNC_TO_CRM)
            .getSingleResult();
    if (waiting > 0) {
      return false;
    }
    return outbox.enqueue(
        workspaceId,
        Sources.crm(connectionId),
        SyncActions.SYNC_TO_CRM,
        orderingKey,
        "sync|" + Ids.newId(),
        customerId);
  }

  /**
   * A new mapping: every customer with a requester or an open conversation on the connection is
   * synced, so existing tickets and requesters show the new fields too.
   *
   * @return how many syncs were added
   */
  @Transactional
  public int scheduleEveryone(String workspaceId, String connectionId) {
    Set<String> customers = new LinkedHashSet<>();
    customers.addAll(
        em.createQuery(
                "select l.customerId from CrmRequesterLink l where l.crmConnectionId = :k",
                String.class)
            .setParameter("k", connectionId)
            .getResultList());
    customers.addAll(
        em.createQuery(
                "select distinct c.customerId from Conversation c where c.crmConnectionId = :k"
                    + " and c.status <> :closed",
                String.class)
            .setParameter("k", connectionId)
            .setParameter("closed", Conversation.CLOSED)
            .getResultList());
    int added = 0;
    for (String customer : customers) {
      if (schedule(workspaceId, connectionId, customer, null)) {
        added++;
      }
    }
    return added;
  }

  /** Syncs of one customer into one connection run one after the other. */
  static String orderingKey(String connectionId, String customerId) {
    return Sources.crm(connectionId) + "|customer:" + customerId;
  }

  /** Whether a mapping towards the CRM may show one of the fields. */
  static boolean affects(MappingSet set, Set<BridgeField> fields) {
    for (FieldMapping m : set.mappings()) {
      if (m.direction().toCrm()
          && (fields == null || m.bridgeField() == null || fields.contains(m.bridgeField()))) {
        return true;
      }
    }
    return false;
  }

  /** The CRM connections a customer has a requester or a conversation on. */
  private Set<String> connectionsOf(String customerId) {
    Set<String> out = new LinkedHashSet<>();
    List<String> requesters =
        em.createQuery(
                "select l.crmConnectionId from CrmRequesterLink l where l.customerId = :c",
                String.class)
            .setParameter("c", customerId)
            .getResultList();
    out.addAll(requesters);
    out.addAll(
        em.createQuery(
                "select distinct c.crmConnectionId from Conversation c where c.customerId = :c"
                    + " and c.crmConnectionId is not null",
                String.class)
            .setParameter("c", customerId)
            .getResultList());
    return out;
  }
}
