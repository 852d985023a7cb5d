package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.media.MediaIntake;
import io.switchboard.engine.application.orders.OrderBook;
import io.switchboard.engine.application.sync.ConversationChanged;
import io.switchboard.engine.application.sync.TicketPolicy;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.spi.FailureReason;
import io.switchboard.spi.channel.BusinessMessage;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryStatus;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.content.Order;
import io.switchboard.spi.content.SystemNotice;
import io.switchboard.sync.BridgeField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Step 2 for channel events: a customer's message joins their open conversation (and goes to the
 * CRM through the outbox); a delivery status moves our message forward, never backwards, and a
 * failure reported after the channel had accepted a reply reaches the agents as an internal note. A
 * catalog order message also goes into the customer's order book.
 */
@ApplicationScoped
public class ChannelEventIntake {
  @Inject ConversationRepository conversations;
  @Inject MessageRepository messages;
  @Inject CustomerDirectory customers;
  @Inject Outbox outbox;
  @Inject FailureNotes notes;
  @Inject OrderBook orders;
  @Inject Clock clock;
  @Inject TicketPolicy tickets;
  @Inject Event<ConversationChanged> conversationChanged;
  @Inject MediaIntake media;

  @Transactional(Transactional.TxType.MANDATORY)
  public void customerMessage(ChannelAccount account, CustomerMessage event) {
    if (messages.byExternalId(account.id(), event.externalId()).isPresent()) {
      return; // already recorded: the ledger's dedupe makes this rare, the unique key makes it safe
    }
    Instant now = clock.instant();
    String kind = ChannelKinds.of(account.plugin());
    Customer customer = customers.resolve(account.workspaceId(), kind, event.from());
    if (event.content() instanceof SystemNotice notice
        && notice.kind() == SystemNotice.Kind.USER_ID_CHANGED) {
      customers.sameAs(account.workspaceId(), customer, kind, notice.newId());
    }
    Conversation conversation = openConversation(account, customer, event.from(), now);
    conversation.customerWrote(event.sentAt(), now);
    conversationChanged.fire(
        new ConversationChanged(
            conversation.id(), Set.of(BridgeField.LAST_INBOUND_AT), "the customer wrote"));
    if (event.context().referral() != null) {
      conversation.cameFromAd(
          MessageContentJson.referral(event.context().referral()), event.sentAt(), now);
    }
    Message message =
        Message.fromCustomer(
            conversation,
            event.externalId(),
            event.content().type(),
            event.content().summary(),
            event.rawJson(),
            event.sentAt(),
            now);
    message.describe(
        MessageContentJson.write(event.content(), event.context()),
        event.context().quotedExternalId(),
        event.context().forwarded());
    messages.add(message);
    if (event.content() instanceof Media file) {
      // fetched on its own ordering key: the message below goes to the CRM at once
      media.received(account.workspaceId(), message, file, Sources.channel(account.id()));
    }
    if (event.content() instanceof Order order) {
      orders.recordChatOrder(
          account.workspaceId(), kind, customer.id(), event.externalId(), order, event.sentAt());
    }
    if (conversation.crmConnectionId() != null) {
      outbox.enqueue(
          account.workspaceId(),
          Sources.crm(conversation.crmConnectionId()),
          OutboxActions.DELIVER_TO_CRM,
          Sources.crm(conversation.crmConnectionId()) + "|" + conversation.id(),
          Sources.channel(account.id()) + "|" + event.dedupeKey(),
          message.id());
    }
  }

  /**
   * A message the business sent from elsewhere (coexistence echo, history import) joins the
   * conversation as the business's message, once; it reaches the CRM as an internal note, so the
   * CRM never reports it as an agent's reply to be sent again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void businessMessage(ChannelAccount account, BusinessMessage event) {
    if (messages.byExternalId(account.id(), event.externalId()).isPresent()) {
      return; // one we sent ourselves, or already recorded
    }
    Instant now = clock.instant();
    String kind = ChannelKinds.of(account.plugin());
    Customer customer = customers.resolve(account.workspaceId(), kind, event.to());
    Conversation conversation = openConversation(account, customer, event.to(), now);
    String author =
        event.origin() == BusinessMessage.Origin.ECHO
            ? ChannelKinds.displayName(kind) + " Business app"
            : ChannelKinds.displayName(kind) + " chat history";
    Message message =
        Message.fromBusiness(
            conversation,
            event.externalId(),
            event.content().type(),
            event.content().summary(),
            event.rawJson(),
            author,
            event.sentAt(),
            now);
    message.describe(
        MessageContentJson.write(event.content(), event.context()),
        event.context().quotedExternalId(),
        event.context().forwarded());
    messages.add(message);
    if (conversation.crmConnectionId() != null) {
      outbox.enqueue(
          account.workspaceId(),
          Sources.crm(conversation.crmConnectionId()),
          OutboxActions.RECORD_IN_CRM,
          Sources.crm(conversation.crmConnectionId()) + "|" + conversation.id(),
          Sources.channel(account.id()) + "|" + event.dedupeKey(),
          message.id());
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void deliveryUpdate(ChannelAccount account, DeliveryUpdate update) {
    Message message =
        messages
            .byExternalId(account.id(), update.externalMessageId())
            .orElseThrow(
                () ->
                    new NotYetProcessableException(
                        "no message "
                            + update.externalMessageId()
                            + " on channel "
                            + account.id()
                            + " (yet): status "
                            + update.status()
                            + " waits for the send to be recorded"));
    DeliveryUpdate.Failure failure = update.failure();
    String explanation = null;
    if (update.status() == DeliveryStatus.FAILED) {
      FailureReason reason = failure == null ? FailureReason.OTHER : failure.reason();
      explanation =
          FailureExplanations.of(reason)
              + (failure != null && failure.message() != null
                  ? " (" + failure.message() + ")"
                  : "");
    }
    boolean moved =
        message.advanceTo(
            MessageStatus.of(update.status()),
            update.at(),
            failure == null ? null : failure.code(),
            explanation);
    if (moved && update.status() == DeliveryStatus.FAILED) {
      message.failureReason(failure == null ? FailureReason.OTHER.name() : failure.reason().name());
      noteFailure(message);
    }
  }

  /** Agents learn in the CRM that a reply the channel had accepted never reached the customer. */
  private void noteFailure(Message message) {
    notes.noteOn(
        conversations.find(message.conversationId()).orElseThrow(),
        message,
        FailureNotes.Cause.DELIVERY_FAILED);
  }

  private Conversation openConversation(
      ChannelAccount account, Customer customer, ChannelUser user, Instant now) {
    Optional<Conversation> open = conversations.openOf(account.id(), customer.id());
    String previousTicket = null;
    if (open.isPresent()) {
      if (tickets.continues(open.get(), now)) {
        return open.get();
      }
      // Solved longer ago than the reopen period: a new conversation, its ticket linked to this.
      open.get()
          .close(
              "its ticket "
                  + open.get().crmTicketId()
                  + " was solved on "
                  + open.get().ticketStateAt()
                  + ", longer ago than the reopen period; the customer's next message opened a"
                  + " new conversation",
              now);
      previousTicket = open.get().crmTicketId();
    }
    Conversation created =
        Conversation.open(
            account.workspaceId(),
            account.id(),
            customer.id(),
            user.channelUserId(),
            account.crmConnectionId(),
            now);
    if (previousTicket != null) {
      created.followsUp(previousTicket, now);
    }
    conversations.add(created);
    return created;
  }
}
