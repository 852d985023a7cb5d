package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.sync.ConversationChanged;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.CrmRequesterLink;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.sync.BridgeField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Short transactions around outbox effects: read what an effect needs, and record each step's
 * result as soon as the remote system confirmed it, so a retry resumes instead of repeating.
 */
@ApplicationScoped
public class EffectRecords {
  private static final Logger LOG = Logger.getLogger(EffectRecords.class.getName());

  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject MessageRepository messages;
  @Inject FailureNotes notes;
  @Inject TemplateNoteEffect templateNotes;
  @Inject InboxRecordEffect inboxRecords;
  @Inject Clock clock;
  @Inject Event<ConversationChanged> conversationChanged;
  @Inject io.switchboard.engine.application.orders.OrderBook orderBook;

  /** Everything an effect on one message needs, read in one go (detached). */
  public record Subject(
      Message message,
      Conversation conversation,
      Customer customer,
      ChannelAccount channel,
      CrmConnection crm,
      String requesterId) {}

  @Transactional
  public Subject load(String messageId) throws PermanentException {
    Message message = em.find(Message.class, messageId);
    if (message == null) {
      throw new PermanentException("message " + messageId + " does not exist", null);
    }
    Conversation conversation = em.find(Conversation.class, message.conversationId());
    Customer customer = em.find(Customer.class, conversation.customerId());
    ChannelAccount channel = em.find(ChannelAccount.class, conversation.channelId());
    CrmConnection crm =
        conversation.crmConnectionId() == null
            ? null
            : em.find(CrmConnection.class, conversation.crmConnectionId());
    String requesterId =
        crm == null
            ? null
            : java.util.Optional.ofNullable(
                    em.find(
                        CrmRequesterLink.class, new CrmRequesterLink.Key(customer.id(), crm.id())))
                .map(CrmRequesterLink::requesterId)
                .orElse(null);
    em.clear();
    return new Subject(message, conversation, customer, channel, crm, requesterId);
  }

  @Transactional
  public void requesterCreated(Subject s, String requesterId) {
    if (em.find(CrmRequesterLink.class, new CrmRequesterLink.Key(s.customer().id(), s.crm().id()))
        == null) {
      em.persist(
          new CrmRequesterLink(
              s.customer().workspaceId(),
              s.customer().id(),
              s.crm().id(),
              requesterId,
              clock.instant()));
    }
  }

  /** The orders a CRM holds for a customer, into the order book. */
  @Transactional
  public void crmOrders(Subject s, List<io.switchboard.spi.crm.capability.OrderRecord> orders) {
    orderBook.recordCrmOrders(s.customer().workspaceId(), s.crm().id(), s.customer().id(), orders);
  }

  @Transactional
  public void ticketOpened(String conversationId, String ticketId) {
    em.find(Conversation.class, conversationId).linkTicket(ticketId, clock.instant());
  }

  /** The CRM put the conversation's new ticket in this team (group, RT queue). */
  @Transactional
  public void ticketTeam(String conversationId, String group) {
    em.find(Conversation.class, conversationId).inTeam(group, clock.instant());
  }

  /** The solved ticket of a conversation was reopened by the customer's message. */
  @Transactional
  public void ticketReopened(String conversationId) {
    Conversation c = em.find(Conversation.class, conversationId);
    c.ticketStateIs(TicketState.OPEN.name(), clock.instant());
    conversationChanged.fire(
        new ConversationChanged(
            c.id(), Set.of(BridgeField.CONVERSATION_STATUS), "reopened by the customer"));
  }

  @Transactional
  public void mirrored(String messageId, String entryId) {
    em.find(Message.class, messageId).mirroredAs(entryId, clock.instant());
  }

  /**
   * The channel accepted a message. A channel id that another message already carries (a channel
   * bug, or a mock answering with a fixed example) is not stored: the message went out, so it must
   * not be sent again, but its statuses cannot be told apart.
   */
  @Transactional
  public void sent(String messageId, String channelMessageId) {
    sentIn(messageId, channelMessageId, null);
  }

  /**
   * The same, for a message that used a window of the channel's policy ({@code customer-service},
   * {@code free-entry-point}): the timeline shows which.
   */
  @Transactional
  public void sentIn(String messageId, String channelMessageId, String window) {
    Message message = em.find(Message.class, messageId);
    if (window != null && message.contentJson() != null) {
      message.contentIs(
          message.contentType(),
          OutboundContentJson.withWindow(message.contentJson(), window),
          clock.instant());
    }
    List<String> holders =
        messages.byExternalId(message.channelId(), channelMessageId).stream()
            .map(Message::id)
            .toList();
    if (!holders.isEmpty()) {
      LOG.warning(
          "channel "
              + message.channelId()
              + " answered message "
              + messageId
              + " with id "
              + channelMessageId
              + ", already used by message "
              + holders.get(0)
              + ": recorded as sent without an id (its statuses cannot be matched)");
      message.sent(null, clock.instant());
    } else {
      message.sent(channelMessageId, clock.instant());
    }
    Conversation conversation = em.find(Conversation.class, message.conversationId());
    conversation.agentReplied(clock.instant(), clock.instant());
    templateNotes.sent(conversation, message);
    if (inboxRecords != null) {
      inboxRecords.sent(conversation, message);
    }
    conversationChanged.fire(
        new ConversationChanged(
            conversation.id(),
            Set.of(BridgeField.FIRST_RESPONSE_SECONDS, BridgeField.LAST_REPLY_AT),
            "an agent's reply went out"));
  }

  /** An agent's file was checked and uploaded: kept, so a retried send does not upload it again. */
  @Transactional
  public void fileUploaded(String messageId, OutboundFile file) {
    em.find(Message.class, messageId)
        .contentIs(file.kind().typeName(), OutboundContentJson.file(file), clock.instant());
  }

  /** A failed reply an admin replays is pending again. */
  @Transactional
  public void sendRetried(String messageId) {
    Message message = em.find(Message.class, messageId);
    if (message != null) {
      message.retrySend(clock.instant());
    }
  }

  /**
   * A reply the channel refused for good: the message shows the failure and agents get an internal
   * note on the ticket, so it never fails silently.
   */
  @Transactional
  public void sendRefused(String messageId, String code, FailureReason neutral, String reason) {
    Message message = em.find(Message.class, messageId);
    String explained =
        FailureExplanations.of(neutral) + (reason == null ? "" : " (" + reason + ")");
    message.failedToSend(code, explained, clock.instant());
    message.failureReason(neutral.name());
    notes.noteOn(
        em.find(Conversation.class, message.conversationId()),
        message,
        FailureNotes.Cause.SEND_FAILED);
  }
}
