package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.sync.AssignEffect;
import io.switchboard.engine.application.sync.BridgeValueSource;
import io.switchboard.engine.application.sync.MappingStore;
import io.switchboard.engine.application.sync.SyncActions;
import io.switchboard.engine.application.sync.SyncEffect;
import io.switchboard.engine.application.sync.SyncPlanner;
import io.switchboard.engine.application.sync.SyncStates;
import io.switchboard.engine.application.sync.TicketPolicy;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ConversationFacts;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendDecision;
import io.switchboard.spi.channel.SendReceipt;
import io.switchboard.spi.content.OutboundContent;
import io.switchboard.spi.content.Text;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CustomerEntry;
import io.switchboard.spi.crm.Requester;
import io.switchboard.spi.crm.TicketSpec;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.spi.crm.capability.CustomerRecords;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.spi.crm.capability.OrderRecord;
import io.switchboard.spi.crm.capability.TicketStatuses;
import io.switchboard.sync.MappingSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Performs one outbox effect through the plugin it targets. Each step is idempotent. */
@ApplicationScoped
public class OutboxEffects {
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(OutboxEffects.class.getName());

  @Inject EffectRecords records;
  @Inject PluginRegistry registry;
  @Inject Clock clock;
  @Inject SyncEffect sync;
  @Inject AssignEffect assign;
  @Inject MappingStore mappings;
  @Inject BridgeValueSource bridgeValues;
  @Inject SyncStates syncStates;

  /**
   * @return a short description of what was done, kept on the outbox row
   */
  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    return switch (entry.action()) {
      case OutboxActions.DELIVER_TO_CRM -> deliverToCrm(entry);
      case OutboxActions.SEND_TO_CHANNEL -> sendToChannel(entry);
      case OutboxActions.NOTE_TO_CRM -> noteToCrm(entry);
      case SyncActions.SYNC_TO_CRM -> sync.perform(entry);
      case SyncActions.ASSIGN_IN_CRM -> assign.perform(entry);
      default -> throw new PermanentException("unknown outbox action " + entry.action(), null);
    };
  }

  /**
   * Records what giving up on an effect means for its subject: a reply that cannot go out is marked
   * failed and agents get an internal note, so it never fails silently.
   */
  public void gaveUp(OutboxEntry entry, String code, String reason) {
    gaveUp(entry, code, FailureReason.OTHER, reason);
  }

  /** Same, with the neutral reason of the refusal. */
  public void gaveUp(OutboxEntry entry, String code, FailureReason neutral, String reason) {
    if (OutboxActions.SEND_TO_CHANNEL.equals(entry.action())) {
      records.sendRefused(entry.subjectId(), code, neutral, reason);
    }
  }

  /** Before a quarantined effect is replayed: a failed reply is pending again. */
  public void prepareReplay(OutboxEntry entry) {
    if (OutboxActions.SEND_TO_CHANNEL.equals(entry.action())) {
      records.sendRetried(entry.subjectId());
    }
  }

  private String deliverToCrm(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    if (s.crm() == null) {
      throw new PermanentException(
          "conversation " + s.conversation().id() + " has no CRM connection", null);
    }
    CrmAdapter crm = registry.adapter(s.crm());
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
      syncStates.agreed(
          s.crm().id(), FieldTarget.TICKET, ticketId, fields.values(), fields.bridgeValues());
    }
    Message m = s.message();
    // The summary of structured content ("Order of 2 products: ... total 99.80 AED", "[Image]
    // Broken lid") until the CRM gets the content itself (attachments, mapped fields).
    String text = m.body() != null && !m.body().isBlank() ? m.body() : "[" + m.contentType() + "]";
    String entryId =
        crm.appendCustomerMessage(
            ticketId,
            new CustomerEntry(entry.idempotencyKey(), requesterId, text, List.of(), m.sentAt()));
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

  private String sendToChannel(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    if (s.message().externalId() != null || s.message().status() != MessageStatus.PENDING) {
      return "already " + s.message().status() + " (" + s.message().externalId() + ")";
    }
    ChannelConnector connector = registry.connector(s.channel());
    OutboundContent content = Text.of(s.message().body() == null ? "" : s.message().body());
    SendDecision decision =
        connector
            .sendPolicy()
            .check(
                content,
                new ConversationFacts(
                    s.conversation().lastInboundAt(),
                    s.conversation().adReferralAt(),
                    clock.instant()));
    if (!decision.allowed()) {
      // Refused before any call to the channel: the agent is told why, in neutral words.
      throw new PermanentException(
          decision.explanation(), null, "policy:" + decision.reason().name(), decision.reason());
    }
    SendReceipt receipt =
        connector.send(
            new OutboundMessage(
                entry.idempotencyKey(),
                s.conversation().channelUserId(),
                s.customer().phoneE164(),
                content,
                null,
                decision.tag().orElse(null)));
    records.sent(s.message().id(), receipt.externalMessageId());
    return "sent as " + receipt.externalMessageId();
  }

  private String noteToCrm(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    if (s.crm() == null || s.conversation().crmTicketId() == null) {
      return "no ticket to note on";
    }
    Message m = s.message();
    String note =
        "This reply did not reach the customer"
            + (m.errorCode() != null ? " (error " + m.errorCode() + ")" : "")
            + ": "
            + m.errorMessage()
            + "\n\nReply: "
            + m.body();
    String id =
        registry
            .adapter(s.crm())
            .addInternalNote(s.conversation().crmTicketId(), entry.idempotencyKey(), note);
    return "note " + id;
  }
}
