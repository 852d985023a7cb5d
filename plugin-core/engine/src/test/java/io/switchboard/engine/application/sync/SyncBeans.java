package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.infrastructure.RecordedEvents;
import io.switchboard.engine.ledger.Outbox;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/**
 * The field sync's beans wired by hand over a test database, as CDI wires them: events fired by one
 * reach the scheduler synchronously.
 */
public final class SyncBeans {
  public final SyncStates states = new SyncStates();
  public final MappingStore mappings = new MappingStore();
  public final BridgeValuesReader values = new BridgeValuesReader();
  public final SyncScheduler scheduler = new SyncScheduler();
  public final FieldChangeIntake fieldChanges = new FieldChangeIntake();
  public final TicketPolicy tickets = new TicketPolicy();
  public final SyncPlanner planner = new SyncPlanner();
  public final RecordedEvents<CustomerChanged> customerChanged = new RecordedEvents<>();
  public final RecordedEvents<ConversationChanged> conversationChanged = new RecordedEvents<>();

  /** The order summary fields come from this order book. */
  public void ordersFrom(io.switchboard.engine.application.orders.OrderBook book) {
    OrderBookValues orders = new OrderBookValues();
    orders.orders = book;
    values.orders = orders;
  }

  public SyncBeans(
      EntityManager em, Clock clock, Outbox outbox, ConversationRepository conversations) {
    states.em = em;
    states.clock = clock;
    mappings.em = em;
    mappings.clock = clock;
    mappings.states = states;
    values.em = em;
    values.publicUrl = "https://bridge.example.com";
    values.orders = (customer, v, at) -> {};
    scheduler.em = em;
    scheduler.mappings = mappings;
    scheduler.outbox = outbox;
    fieldChanges.em = em;
    fieldChanges.conversations = conversations;
    fieldChanges.mappings = mappings;
    fieldChanges.states = states;
    fieldChanges.values = values;
    fieldChanges.scheduler = scheduler;
    fieldChanges.customerChanged = customerChanged;
    fieldChanges.conversationChanged = conversationChanged;
    fieldChanges.clock = clock;
    fieldChanges.phones =
        new io.switchboard.engine.application.conversations.CustomerPhones(
            new io.switchboard.engine.infrastructure.persistence.JpaCustomerRepository(em), clock);
    planner.em = em;
    planner.values = values;
    planner.states = states;
    tickets.em = em;
    tickets.defaultReopenWithin = "P7D";
    customerChanged.observedBy(scheduler::customerChanged);
    conversationChanged.observedBy(scheduler::conversationChanged);
  }
}
