package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.orders.OrderBook;
import io.switchboard.engine.application.orders.OrderCustomers;
import io.switchboard.engine.application.sync.CustomerChanged;
import io.switchboard.engine.application.sync.SyncBeans;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.infrastructure.MutableClock;
import io.switchboard.engine.infrastructure.RecordedEvents;
import io.switchboard.engine.infrastructure.TestDatabase;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.infrastructure.persistence.JpaConversationRepository;
import io.switchboard.engine.infrastructure.persistence.JpaCustomerOrderRepository;
import io.switchboard.engine.infrastructure.persistence.JpaCustomerRepository;
import io.switchboard.engine.infrastructure.persistence.JpaMessageRepository;
import io.switchboard.engine.ledger.LedgerBeans;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The intake beans (channel events, CRM events, identity) wired by hand over a fresh H2 database
 * with the real repositories and outbox, one channel account {@code wa} fed into CRM connection
 * {@code rt}.
 */
final class IntakeFixture implements AutoCloseable {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  final TestDatabase db = new TestDatabase();
  final TestTransactions tx = db.transactions();
  final Outbox outbox = LedgerBeans.outbox(tx, clock);
  final JpaConversationRepository conversations = new JpaConversationRepository(tx.entityManager());
  final JpaMessageRepository messages = new JpaMessageRepository(tx.entityManager());
  final JpaCustomerRepository customers = new JpaCustomerRepository(tx.entityManager());
  final CustomerDirectory directory = new CustomerDirectory();
  final ChannelEventIntake channelIntake = new ChannelEventIntake();
  final CrmEventIntake crmIntake = new CrmEventIntake();
  final SyncBeans sync = new SyncBeans(tx.entityManager(), clock, outbox, conversations);
  final JpaCustomerOrderRepository orders = new JpaCustomerOrderRepository(tx.entityManager());
  final RecordedEvents<CustomerChanged> customerChanges = sync.customerChanged;
  final OrderBook orderBook =
      new OrderBook(orders, new OrderCustomers(customers, clock), customerChanges, clock);
  final io.switchboard.engine.application.templates.TemplateBeans templates =
      new io.switchboard.engine.application.templates.TemplateBeans(tx, clock);
  final OutboundMessages outboundMessages = new OutboundMessages();
  final AgentReplies replies = new AgentReplies();
  final ReadReceipts readReceipts = new ReadReceipts();
  final ChannelAccount account;
  final CrmConnection crm;

  IntakeFixture() {
    directory.repository = customers;
    directory.clock = clock;
    directory.customerChanged = sync.customerChanged;
    channelIntake.conversations = conversations;
    channelIntake.messages = messages;
    channelIntake.customers = directory;
    channelIntake.outbox = outbox;
    FailureNotes notes = new FailureNotes();
    notes.outbox = outbox;
    channelIntake.notes = notes;
    channelIntake.clock = clock;
    channelIntake.tickets = sync.tickets;
    channelIntake.conversationChanged = sync.conversationChanged;
    channelIntake.orders = orderBook;
    sync.ordersFrom(orderBook);
    crmIntake.conversations = conversations;
    crmIntake.messages = messages;
    crmIntake.outbox = outbox;
    crmIntake.clock = clock;
    crmIntake.fieldChanges = sync.fieldChanges;
    crmIntake.conversationChanged = sync.conversationChanged;
    outboundMessages.messages = messages;
    outboundMessages.outbox = outbox;
    outboundMessages.clock = clock;
    replies.outbound = outboundMessages;
    replies.messages = messages;
    replies.customers = customers;
    replies.templates = templates.rows;
    replies.notes = notes;
    replies.clock = clock;
    readReceipts.messages = messages;
    readReceipts.outbox = outbox;
    readReceipts.onReply = true;
    replies.readReceipts = readReceipts;
    crmIntake.replies = replies;
    crm = new CrmConnection("rt", "default", clock.instant());
    crm.configure("request-tracker", "{}", "", clock.instant());
    account = new ChannelAccount("wa", "default", clock.instant());
    account.configure("whatsapp-cloud", null, "1065", "rt", "{}", "", clock.instant());
    tx.run(() -> tx.entityManager().persist(crm)); // two commits: no mapped relation orders them
    tx.run(() -> tx.entityManager().persist(account));
  }

  <T> T inTx(Supplier<T> work) {
    return tx.required(work);
  }

  void inTx(Runnable work) {
    tx.run(work);
  }

  List<Conversation> conversations() {
    return inTx(
        () ->
            tx.entityManager()
                .createQuery(
                    "select c from Conversation c order by c.createdAt", Conversation.class)
                .getResultList());
  }

  List<Message> messagesOf(String conversationId) {
    return inTx(() -> messages.ofConversation(conversationId));
  }

  List<OutboxEntry> outbox() {
    return outbox.recent(100);
  }

  @Override
  public void close() {
    db.close();
  }
}
