package io.switchboard.engine.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order of a customer, from one source ({@code shop:<id>}, {@code whatsapp}, {@code crm:<id>}),
 * known there by its external id. It only ever moves forward: an update the source made earlier
 * than the one already applied is ignored, so updates that arrive out of order never move an order
 * backwards. Every status it took is kept with its time.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {
  /** What an update did. */
  public enum Revision {
    /** Something changed (status, total, lines, note, number or placed-at). */
    UPDATED,
    /** The same order again: nothing changed. */
    UNCHANGED,
    /** Older than what the order already shows: ignored. */
    STALE
  }

  /** Statuses of orders whose money did not stay with the shop: lifetime value leaves them out. */
  public static final List<String> NOT_KEPT = List.of(OrderDetails.CANCELLED, "voided", "refunded");

  @Id private String id;

  @Column(name = "workspace_id")
  private String workspaceId;

  private String source;

  @Column(name = "external_id")
  private String externalId;

  @Column(name = "order_number")
  private String number;

  @Column(name = "customer_id")
  private String customerId;

  @Column(name = "buyer_phone")
  private String buyerPhone;

  @Column(name = "buyer_email")
  private String buyerEmail;

  @Column(name = "buyer_name")
  private String buyerName;

  @Column(name = "placed_at")
  private Instant placedAt;

  private String status;

  @Column(name = "status_changed_at")
  private Instant statusChangedAt;

  private String currency;

  private BigDecimal total;

  private String note;

  @Column(name = "source_updated_at")
  private Instant sourceUpdatedAt;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "customer_order_item", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "line_no")
  private List<OrderLine> items = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "customer_order_status", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "line_no")
  private List<OrderStatusChange> history = new ArrayList<>();

  protected CustomerOrder() {}

  /** A new order as its source first told it. */
  public static CustomerOrder place(
      String workspaceId,
      String source,
      String externalId,
      OrderDetails details,
      String customerId,
      Instant now) {
    CustomerOrder order = new CustomerOrder();
    order.id = Ids.newId();
    order.workspaceId = workspaceId;
    order.source = source;
    order.externalId = externalId;
    order.customerId = customerId;
    order.createdAt = now;
    order.take(details, now);
    order.sourceUpdatedAt = details.updatedAt();
    return order;
  }

  /**
   * Takes what the source says the order is now, if it is newer than what the order shows: with the
   * source's {@code updatedAt} on both sides, only a later one applies; without, updates apply in
   * the order they arrived (the ledger keeps the events of one order in order).
   */
  public Revision revise(OrderDetails details, Instant now) {
    Instant theirs = details.updatedAt();
    if (theirs != null && sourceUpdatedAt != null && !theirs.isAfter(sourceUpdatedAt)) {
      return theirs.equals(sourceUpdatedAt) && sameAs(details)
          ? Revision.UNCHANGED
          : Revision.STALE;
    }
    if (theirs != null) {
      sourceUpdatedAt = theirs;
    }
    if (sameAs(details)) {
      return Revision.UNCHANGED;
    }
    take(details, now);
    return Revision.UPDATED;
  }

  /** Attaches an order that matched no customer when it came. */
  public void attachTo(String customerId, Instant now) {
    this.customerId = customerId;
    this.updatedAt = now;
  }

  private void take(OrderDetails d, Instant now) {
    if (!d.status().equals(status)) {
      Instant at = d.updatedAt() != null ? d.updatedAt() : now;
      status = d.status();
      statusChangedAt = at;
      history.add(new OrderStatusChange(d.status(), at));
    }
    number = d.number();
    placedAt = d.placedAt();
    currency = d.currency();
    total = d.total();
    note = d.note();
    items.clear();
    items.addAll(d.items());
    buyerPhone = d.buyer().phoneE164();
    buyerEmail = d.buyer().email();
    buyerName = d.buyer().name();
    updatedAt = now;
  }

  private boolean sameAs(OrderDetails d) {
    if (d.items().size() != items.size()) {
      return false;
    }
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).sameAs(d.items().get(i))) {
        return false;
      }
    }
    return d.status().equals(status)
        && Objects.equals(d.number(), number)
        && d.placedAt().equals(placedAt)
        && d.currency().equals(currency)
        && d.total().compareTo(total) == 0
        && Objects.equals(d.note(), note);
  }

  public String id() {
    return id;
  }

  public String workspaceId() {
    return workspaceId;
  }

  public String source() {
    return source;
  }

  public String externalId() {
    return externalId;
  }

  /** The number people use ({@code #1001}); the external id when the source has no other. */
  public String number() {
    return number != null ? number : externalId;
  }

  /** The customer it belongs to, or {@code null} while its buyer matches none. */
  public String customerId() {
    return customerId;
  }

  public OrderBuyer buyer() {
    return new OrderBuyer(buyerPhone, buyerEmail, buyerName);
  }

  public Instant placedAt() {
    return placedAt;
  }

  public String status() {
    return status;
  }

  public Instant statusChangedAt() {
    return statusChangedAt;
  }

  public String currency() {
    return currency;
  }

  public BigDecimal total() {
    return Money.exact(total, currency);
  }

  public String note() {
    return note;
  }

  /** When the source last changed it, or {@code null} when the source does not say. */
  public Instant sourceUpdatedAt() {
    return sourceUpdatedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public List<OrderLine> items() {
    return List.copyOf(items);
  }

  /** Every status it took, oldest first. */
  public List<OrderStatusChange> history() {
    return List.copyOf(history);
  }
}
