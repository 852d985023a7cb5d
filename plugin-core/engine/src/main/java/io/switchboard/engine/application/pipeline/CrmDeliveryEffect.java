package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.media.MediaForCrm;
import io.switchboard.engine.application.sync.BridgeValueSource;
import io.switchboard.engine.application.sync.MappingStore;
import io.switchboard.engine.application.sync.SyncPlanner;
import io.switchboard.engine.application.sync.SyncStates;
import io.switchboard.engine.application.sync.TicketPolicy;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CustomerEntry;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.TicketSpec;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.capability.Assignment;
import io.switchboard.spi.crm.capability.Assignments;
import io.switchboard.spi.crm.capability.CustomerRecords;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.OrderRecord;
import io.switchboard.spi.crm.capability.TicketStatuses;
import io.switchboard.sync.MappingSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DELIVER_TO_CRM}: a customer's message reaches the conversation's ticket. The requester and
 * the ticket are created on the first message (with the mapped fields), and a ticket solved within
 * the reopen period is opened again.
 */
@ApplicationScoped
public class CrmDeliveryEffect {
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(CrmDeliveryEffect.class.getName());

  @Inject EffectRecords records;
  @Inject PluginRegistry registry;
  @Inject MappingStore mappings;
  @Inject BridgeValueSource bridgeValues;
  @Inject SyncStates syncStates;
  @Inject MessageRepository messages;
  @Inject MediaForCrm media;

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    CrmAdapter crm = adapterOf(s);
    Ticket t = ensureTicket(crm, s);
    String requesterId = t.requesterId();
    String ticketId = t.ticketId();
    Message m = s.message();
    String text = entryText(m);
    // The files go with the entry when stored already, else follow (decided once, before writing).
    MediaForCrm.InEntry files = media.forEntry(m.id());
    String entryId =
        crm.appendCustomerMessage(
            ticketId,
            new CustomerEntry(
                entry.idempotencyKey(), requesterId, files.text(text), files.files(), m.sentAt()));
    records.mirrored(m.id(), entryId);
    if (TicketPolicy.needsReopen(s.conversation())) {
      // Within the reopen period (else the message had opened a new conversation): the ticket
      // is open again, whether or not the CRM reopens it on its own.
      Optional<TicketStatuses> statuses = crm.capability(TicketStatuses.class);
      if (statuses.isPresent()) {
        statuses.get().changeStatus(ticketId, TicketState.OPEN);
      }
      records.ticketReopened(s.conversation().id());
      return "ticket " + ticketId + " reopened, entry " + entryId;
    }
    return "ticket " + ticketId + ", entry " + entryId;
  }

  /**
   * A CRM that holds orders (capability CUSTOMER_RECORDS) gives the new requester's order history
   * to the order book once. A failure here never holds up the customer's message: it is logged and
   * the history stays without the CRM's orders.
   */
  private void importCrmOrders(CrmAdapter crm, EffectRecords.Subject s, String requesterId) {
    Optional<CustomerRecords> customerRecords = crm.capability(CustomerRecords.class);
    if (customerRecords.isEmpty()) {
      return;
    }
    try {
      List<OrderRecord> orders = customerRecords.get().orders(requesterId, 50);
      if (!orders.isEmpty()) {
        records.crmOrders(s, orders);
      }
    } catch (RetryableException | PermanentException | RuntimeException e) {
      LOG.warning(
          "could not read the orders of requester "
              + requesterId
              + " from CRM connection "
              + s.crm().id()
              + ": "
              + e.getMessage());
    }
  }

  /** The conversation's requester and ticket, created on first use with the mapped fields. */
  private Ticket ensureTicket(CrmAdapter crm, EffectRecords.Subject s)
      throws RetryableException, PermanentException {
    // The profile and order summary are on the requester and the ticket from the start; the
    // mapping is read only when one of them is created, not for every message.
    MappingSet mapping =
        s.requesterId() == null || s.conversation().crmTicketId() == null
            ? mappings.current(s.crm().id()).set()
            : null;
    String requesterId = s.requesterId();
    if (requesterId == null) {
      String kind = ChannelKinds.of(s.channel().plugin());
      Map<String, String> channelIds = new HashMap<>();
      channelIds.put(kind, s.conversation().channelUserId());
      SyncPlanner.ObjectWrite fields =
          SyncPlanner.forNew(
              mapping, FieldTarget.REQUESTER, bridgeValues.forCustomer(s.customer().id()));
      requesterId =
          crm.upsertRequester(
              new Requester(
                  s.customer().id(),
                  s.customer().displayName(),
                  s.customer().phoneE164(),
                  channelIds,
                  s.customer().language(),
                  s.customer().email(),
                  fields.values()));
      records.requesterCreated(s, requesterId);
      importCrmOrders(crm, s, requesterId);
      syncStates.agreed(
          s.crm().id(), FieldTarget.REQUESTER, requesterId, fields.values(), fields.bridgeValues());
    }
    String ticketId = s.conversation().crmTicketId();
    if (ticketId == null) {
      String channelName = ChannelKinds.displayName(ChannelKinds.of(s.channel().plugin()));
      String who =
          s.customer().phoneE164() != null
              ? s.customer().phoneE164()
              : s.conversation().channelUserId();
      SyncPlanner.ObjectWrite fields =
          SyncPlanner.forNew(
              mapping, FieldTarget.TICKET, bridgeValues.forConversation(s.conversation().id()));
      ticketId =
          crm.openTicket(
              new TicketSpec(
                  s.conversation().id(),
                  requesterId,
                  channelName + " conversation with " + who,
                  channelName,
                  s.customer().phoneE164(),
                  fields.values(),
                  s.conversation().previousTicketId()));
      records.ticketOpened(s.conversation().id(), ticketId);
      learnTeam(crm, s, ticketId);
      syncStates.agreed(
          s.crm().id(), FieldTarget.TICKET, ticketId, fields.values(), fields.bridgeValues());
    }
    return new Ticket(requesterId, ticketId);
  }

  /**
   * The new ticket's team (group, RT queue), read once: the agent view shows a conversation to its
   * team only. A CRM without assignments, or one that does not answer, leaves it unknown; the agent
   * view asks again on first access.
   */
  private void learnTeam(CrmAdapter crm, EffectRecords.Subject s, String ticketId) {
    Optional<Assignments> assignments = crm.capability(Assignments.class);
    if (assignments.isEmpty()) {
      return;
    }
    try {
      Assignment a = assignments.get().assignment(ticketId);
      if (a != null && a.group() != null) {
        records.ticketTeam(s.conversation().id(), a.group());
      }
    } catch (RetryableException | PermanentException | RuntimeException e) {
      LOG.fine("team of new ticket " + ticketId + " unknown for now: " + e.getMessage());
    }
  }

  /**
   * {@code RECORD_IN_CRM}: a message the business sent from elsewhere (the WhatsApp Business app,
   * the chat history) is shown on the ticket as an internal note, never as a reply the CRM would
   * report back to be sent.
   */
  public String recordBusinessMessage(OutboxEntry entry)
      throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    CrmAdapter crm = adapterOf(s);
    Ticket t = ensureTicket(crm, s);
    Message m = s.message();
    String note =
        "Sent to the customer from the "
            + m.author()
            + " (not through Switchboard) at "
            + m.sentAt()
            + ":\n\n"
            + (m.body() == null ? "[" + m.contentType() + "]" : m.body());
    String id = crm.addInternalNote(t.ticketId(), entry.idempotencyKey(), note);
    records.mirrored(m.id(), id);
    return "ticket " + t.ticketId() + ", note " + id;
  }

  /** The message as agents read it in the CRM (orders, reactions, quotes, locations, cards). */
  private String entryText(Message m) {
    String fallback =
        m.body() != null && !m.body().isBlank() ? m.body() : "[" + m.contentType() + "]";
    return CrmEntryText.render(
        m.contentJson(),
        fallback,
        externalId ->
            messages
                .byExternalId(m.channelId(), externalId)
                .map(
                    r ->
                        new CrmEntryText.Referenced(
                            Message.IN.equals(r.direction()),
                            r.body() == null ? "[" + r.contentType() + "]" : r.body())));
  }

  private CrmAdapter adapterOf(EffectRecords.Subject s) throws PermanentException {
    if (s.crm() == null) {
      throw new PermanentException(
          "conversation " + s.conversation().id() + " has no CRM connection", null);
    }
    return registry.adapter(s.crm());
  }

  private record Ticket(String requesterId, String ticketId) {}
}
