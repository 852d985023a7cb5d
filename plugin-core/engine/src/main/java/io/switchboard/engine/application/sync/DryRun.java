package io.switchboard.engine.application.sync;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.CrmRequesterLink;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.MappedFields;
import io.switchboard.sync.BridgeValues;
import io.switchboard.sync.FieldMapping;
import io.switchboard.sync.MappingSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * For a chosen customer or conversation: what a mapping set (the saved one or a draft) would write
 * where, with the values, compared with what the CRM holds now (read from the CRM), without writing
 * anything.
 */
@ApplicationScoped
public class DryRun {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject PluginRegistry registry;
  @Inject BridgeValueSource values;
  @Inject SyncPlanner planner;

  /**
   * One mapped field of one CRM object.
   *
   * @param objectId the CRM object, or {@code null} when it does not exist yet (created with these
   *     values)
   * @param current what the CRM holds now ({@code null}: empty or unknown)
   * @param value what the bridge would write
   * @param changes whether it differs, i.e. would really be written
   */
  public record Line(
      FieldTarget target,
      String objectId,
      String crmField,
      String bridgeField,
      String current,
      String value,
      boolean changes) {}

  /** The lines, the fields whose value cannot be made (with why), and notes for the admin. */
  public record Result(List<Line> lines, Map<String, String> problems, List<String> notes) {}

  private record Subject(String customerId, String requesterId, List<Conversation> tickets) {}

  /**
   * @return empty when there is no such customer or conversation
   */
  public Optional<Result> run(
      CrmConnection connection, String customerId, String conversationId, MappingSet set)
      throws RetryableException, PermanentException {
    Optional<Subject> subject = subject(connection.id(), customerId, conversationId);
    if (subject.isEmpty()) {
      return Optional.empty();
    }
    Subject s = subject.get();
    List<Line> lines = new ArrayList<>();
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    MappedFields fields = registry.adapter(connection).capability(MappedFields.class).orElse(null);
    if (fields == null) {
      notes.add("this CRM connection cannot read or write fields (no MAPPED_FIELDS capability)");
    }
    BridgeValues customerValues =
        s.tickets().isEmpty()
            ? values.forCustomer(s.customerId())
            : values.forConversation(s.tickets().get(0).id());
    if (s.requesterId() == null) {
      notes.add(
          "the customer has no requester in this CRM yet: it is created with these values with"
              + " their next message");
    }
    add(lines, problems, fields, set, FieldTarget.REQUESTER, s.requesterId(), customerValues);
    if (s.tickets().isEmpty()) {
      notes.add(
          "the customer has no open ticket in this CRM: their next conversation's ticket opens"
              + " with the ticket values");
      add(lines, problems, null, set, FieldTarget.TICKET, null, customerValues);
    }
    for (Conversation c : s.tickets()) {
      add(
          lines,
          problems,
          fields,
          set,
          FieldTarget.TICKET,
          c.crmTicketId(),
          values.forConversation(c.id()));
    }
    return Optional.of(new Result(lines, problems, notes));
  }

  private static void add(
      List<Line> lines,
      Map<String, String> problems,
      MappedFields fields,
      MappingSet set,
      FieldTarget target,
      String objectId,
      BridgeValues v)
      throws RetryableException, PermanentException {
    SyncPlanner.ObjectWrite intended = SyncPlanner.forNew(set, target, v);
    intended.problems().forEach(problems::put);
    Map<String, String> now =
        fields == null || objectId == null
            ? Map.of()
            : fields.readFields(target, objectId, intended.values().keySet());
    Map<String, FieldMapping> byField =
        set.mappings().stream()
            .filter(m -> m.target() == target)
            .collect(Collectors.toMap(FieldMapping::crmField, m -> m, (a, b) -> a));
    intended
        .values()
        .forEach(
            (field, value) -> {
              String current = now.get(field);
              FieldMapping m = byField.get(field);
              lines.add(
                  new Line(
                      target,
                      objectId,
                      field,
                      m == null || m.bridgeField() == null ? null : m.bridgeField().key(),
                      current,
                      value,
                      !Objects.equals(blank(current), blank(value))));
            });
  }

  /** Reads only, outside a transaction (the caller calls the CRM afterwards). */
  Optional<Subject> subject(String connectionId, String customerId, String conversationId) {
    List<Conversation> tickets;
    String customer = customerId;
    if (conversationId != null) {
      Conversation c = em.find(Conversation.class, conversationId);
      if (c == null || !connectionId.equals(c.crmConnectionId())) {
        return Optional.empty();
      }
      customer = c.customerId();
      tickets = c.crmTicketId() == null ? List.of() : List.of(c);
    } else {
      if (customer == null
          || em.find(io.switchboard.engine.domain.Customer.class, customer) == null) {
        return Optional.empty();
      }
      tickets = planner.openTickets(connectionId, customer);
    }
    CrmRequesterLink link =
        em.find(CrmRequesterLink.class, new CrmRequesterLink.Key(customer, connectionId));
    return Optional.of(
        new Subject(customer, link == null ? null : link.requesterId(), List.copyOf(tickets)));
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }
}
