package io.switchboard.engine.application.orders;

import io.switchboard.engine.application.sync.CustomerChanged;
import io.switchboard.engine.domain.CustomerOrder;
import io.switchboard.engine.domain.CustomerOrderRepository;
import io.switchboard.engine.domain.Money;
import io.switchboard.engine.domain.OrderDetails;
import io.switchboard.spi.content.Order;
import io.switchboard.spi.crm.capability.OrderRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every customer's orders, from every source, one row per (source, order id): recording the same
 * order twice changes nothing, an update applies only when it is newer than what the order shows
 * (see {@link CustomerOrder#revise}), and every change of a customer's order fires {@link
 * CustomerChanged} in the transaction that made it, so the CRM's mapped order fields follow.
 */
@ApplicationScoped
public class OrderBook {
  /** What recording an order did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    /** The same order again. */
    UNCHANGED,
    /** An update older than what the order shows: ignored. */
    STALE
  }

  @Inject CustomerOrderRepository orders;
  @Inject OrderCustomers customers;
  @Inject Event<CustomerChanged> changed;
  @Inject Clock clock;

  public OrderBook() {}

  /** Wired by hand (tests, tools). */
  public OrderBook(
      CustomerOrderRepository orders,
      OrderCustomers customers,
      Event<CustomerChanged> changed,
      Clock clock) {
    this.orders = orders;
    this.customers = customers;
    this.changed = changed;
    this.clock = clock;
  }

  /**
   * Records what a source says an order is now.
   *
   * @param source {@code shop:<id>}, {@code whatsapp} or {@code crm:<id>}
   * @param externalId the order's id at the source
   * @param knownCustomerId the customer when the source knows it (a chat, a CRM requester), else
   *     {@code null}: the buyer's phone or e-mail decides ({@link OrderCustomers})
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome record(
      String workspaceId,
      String source,
      String externalId,
      OrderDetails details,
      String knownCustomerId) {
    Instant now = clock.instant();
    Optional<CustomerOrder> existing = orders.bySource(workspaceId, source, externalId);
    if (existing.isEmpty()) {
      String customerId =
          knownCustomerId != null
              ? knownCustomerId
              : customers.customerOf(workspaceId, details.buyer()).orElse(null);
      CustomerOrder order =
          CustomerOrder.place(workspaceId, source, externalId, details, customerId, now);
      orders.add(order);
      announce(order, "order " + order.number() + " placed");
      return Outcome.CREATED;
    }
    CustomerOrder order = existing.get();
    boolean attached = false;
    if (order.customerId() == null) {
      Optional<String> customerId =
          knownCustomerId != null
              ? Optional.of(knownCustomerId)
              : customers.customerOf(workspaceId, details.buyer());
      if (customerId.isPresent()) {
        order.attachTo(customerId.get(), now);
        attached = true;
      }
    }
    CustomerOrder.Revision revision = order.revise(details, now);
    if (revision == CustomerOrder.Revision.UPDATED || attached) {
      announce(order, "order " + order.number() + " " + order.status());
      return Outcome.UPDATED;
    }
    return revision == CustomerOrder.Revision.STALE ? Outcome.STALE : Outcome.UNCHANGED;
  }

  /**
   * Records a catalog order a customer sent in a chat (e.g. a WhatsApp order message): source the
   * channel kind ({@code whatsapp}), order id the message's id, status {@code placed}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Outcome> recordChatOrder(
      String workspaceId,
      String channelKind,
      String customerId,
      String messageId,
      Order order,
      Instant sentAt) {
    return NeutralOrders.ofChat(order, sentAt)
        .map(details -> record(workspaceId, channelKind, messageId, details, customerId));
  }

  /**
   * Records the orders a CRM holds for a customer (source {@code crm:<connection id>}).
   *
   * @return how many were new or changed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int recordCrmOrders(
      String workspaceId, String crmConnectionId, String customerId, List<OrderRecord> records) {
    int changes = 0;
    for (OrderRecord r : records) {
      Outcome outcome =
          record(
              workspaceId,
              "crm:" + crmConnectionId,
              r.orderId(),
              NeutralOrders.ofCrm(r),
              customerId);
      if (outcome == Outcome.CREATED || outcome == Outcome.UPDATED) {
        changes++;
      }
    }
    return changes;
  }

  /** A customer's orders, newest placed first. */
  @Transactional
  public List<CustomerOrder> orders(String customerId, int limit) {
    return orders.ofCustomer(customerId, Math.max(0, limit));
  }

  /**
   * The customer's order summary, or empty when they have no orders. {@code lifetimeValue} is the
   * sum of the totals of their orders in the newest order's currency, except cancelled, voided and
   * refunded ones ({@link CustomerOrder#NOT_KEPT}); orders in other currencies are left out.
   */
  @Transactional
  public Optional<OrderSummary> summary(String customerId) {
    List<CustomerOrder> newest = orders.ofCustomer(customerId, 1);
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    CustomerOrder last = newest.get(0);
    return Optional.of(
        new OrderSummary(
            last.number(),
            last.placedAt(),
            last.total(),
            last.currency(),
            last.status(),
            orders.countOf(customerId),
            Money.exact(
                orders.sumOfTotals(customerId, last.currency(), CustomerOrder.NOT_KEPT),
                last.currency()),
            last.currency()));
  }

  private void announce(CustomerOrder order, String why) {
    if (order.customerId() != null) {
      changed.fire(new CustomerChanged(order.workspaceId(), order.customerId(), why));
    }
  }
}
