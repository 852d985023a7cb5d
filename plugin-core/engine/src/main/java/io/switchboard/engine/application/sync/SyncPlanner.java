package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmRequesterLink;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.sync.BridgeValues;
import io.switchboard.sync.FieldMapping;
import io.switchboard.sync.FieldSync;
import io.switchboard.sync.MappingSet;
import io.switchboard.sync.SyncedValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sync would write for one customer on one CRM connection: per CRM object (their requester,
 * the ticket of each open conversation there), the mapped values that differ from the last agreed
 * state. Reads only; the effect or the dry run acts on it.
 */
@ApplicationScoped
public class SyncPlanner {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject BridgeValueSource values;
  @Inject SyncStates states;

  /**
   * The writes for one CRM object.
   *
   * @param target requester or ticket
   * @param objectId the CRM's id of it
   * @param values CRM field to the value to write ({@code ""} clears)
   * @param bridgeValues CRM field to the canonical bridge value it stands for (absent: none)
   * @param problems CRM field to why its value cannot be made (a failing transform)
   * @param synced CRM field to the last agreed state, for showing what is there now
   */
  public record ObjectWrite(
      FieldTarget target,
      String objectId,
      Map<String, String> values,
      Map<String, String> bridgeValues,
      Map<String, String> problems,
      Map<String, SyncedValue> synced) {}

  /** The writes for the customer's requester and open tickets on the connection, in that order. */
  @Transactional
  public List<ObjectWrite> plan(String connectionId, String customerId, MappingSet set) {
    List<ObjectWrite> out = new ArrayList<>();
    if (set.mappings().isEmpty()) {
      return out;
    }
    List<Conversation> open = openTickets(connectionId, customerId);
    CrmRequesterLink link =
        em.find(CrmRequesterLink.class, new CrmRequesterLink.Key(customerId, connectionId));
    if (link != null) {
      // Requester fields take customer values; a newest conversation adds its own, should a
      // mapping put a conversation field on the requester.
      BridgeValues v =
          open.isEmpty()
              ? values.forCustomer(customerId)
              : values.forConversation(open.get(0).id());
      out.add(
          write(
              set,
              FieldTarget.REQUESTER,
              link.requesterId(),
              v,
              states.of(connectionId, FieldTarget.REQUESTER, link.requesterId())));
    }
    for (Conversation c : open) {
      out.add(
          write(
              set,
              FieldTarget.TICKET,
              c.crmTicketId(),
              values.forConversation(c.id()),
              states.of(connectionId, FieldTarget.TICKET, c.crmTicketId())));
    }
    return out;
  }

  /** The customer's open conversations on the connection that have a ticket, newest first. */
  @Transactional
  public List<Conversation> openTickets(String connectionId, String customerId) {
    return em.createQuery(
            "select c from Conversation c where c.customerId = :c and c.crmConnectionId = :k"
                + " and c.status <> :closed and c.crmTicketId is not null"
                + " order by c.createdAt desc",
            Conversation.class)
        .setParameter("c", customerId)
        .setParameter("k", connectionId)
        .setParameter("closed", Conversation.CLOSED)
        .getResultList();
  }

  /** The values an object being created gets (nothing synced yet). */
  public static ObjectWrite forNew(MappingSet set, FieldTarget target, BridgeValues values) {
    return write(set, target, null, values, Map.of());
  }

  static ObjectWrite write(
      MappingSet set,
      FieldTarget target,
      String objectId,
      BridgeValues values,
      Map<String, SyncedValue> synced) {
    Map<String, String> writes = FieldSync.writes(set.mappings(), target, values, synced);
    Map<String, String> bridge = new LinkedHashMap<>();
    for (FieldMapping m : set.mappings()) {
      if (m.target() == target && writes.containsKey(m.crmField()) && m.bridgeField() != null) {
        values.get(m.bridgeField()).ifPresent(v -> bridge.put(m.crmField(), v));
      }
    }
    return new ObjectWrite(
        target,
        objectId,
        writes,
        bridge,
        FieldSync.problems(set.mappings(), target, values),
        synced);
  }
}
