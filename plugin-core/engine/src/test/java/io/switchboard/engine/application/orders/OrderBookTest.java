package io.switchboard.engine.application.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.engine.application.orders.OrderBook.Outcome;
import io.switchboard.engine.application.sync.CustomerChanged;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.engine.domain.CustomerOrder;
import io.switchboard.engine.domain.OrderBuyer;
import io.switchboard.engine.domain.OrderDetails;
import io.switchboard.engine.domain.OrderLine;
import io.switchboard.engine.domain.OrderStatusChange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrderBookTest {
  private static final String SHOP = "shop:s1";
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final OrderBuyer AMAL =
      new OrderBuyer("+971501234567", "amal@example.com", "Amal");

  private final OrderFixture f = new OrderFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static OrderDetails order(
      String status, Instant updatedAt, String total, OrderBuyer buyer) {
    return new OrderDetails(
        null,
        T0,
        updatedAt,
        status,
        "AED",
        new BigDecimal(total),
        null,
        List.of(new OrderLine("TEA-1", "Saffron tea", 2, new BigDecimal("99.75"), "AED")),
        buyer);
  }

  private Outcome record(String orderId, OrderDetails details) {
    return f.inTx(() -> f.book.record(OrderFixture.WS, SHOP, orderId, details, null));
  }

  @Test
  @DisplayName("the same order twice is one order, changed once and announced once")
  void sameOrderTwice() {
    Customer amal = f.customerWithPhone("Amal", "+971501234567");
    assertThat(record("1001", order("paid", T0, "199.50", AMAL))).isEqualTo(Outcome.CREATED);
    f.clock.advance(Duration.ofMinutes(1));
    assertThat(record("1001", order("paid", T0, "199.5", AMAL))).isEqualTo(Outcome.UNCHANGED);

    List<CustomerOrder> orders = f.ordersOf(amal.id());
    assertThat(orders).hasSize(1);
    assertThat(orders.get(0).total()).isEqualByComparingTo("199.50").hasToString("199.50");
    assertThat(orders.get(0).updatedAt()).isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
    assertThat(f.changed.fired)
        .containsExactly(new CustomerChanged(OrderFixture.WS, amal.id(), "order 1001 placed"));
  }

  @Test
  @DisplayName("a later status update changes the same order and keeps the history")
  void statusUpdate() {
    Customer amal = f.customerWithPhone("Amal", "+971501234567");
    record("1001", order("paid", T0, "199.50", AMAL));
    Instant later = T0.plus(Duration.ofHours(20));
    assertThat(record("1001", order("fulfilled", later, "199.50", AMAL)))
        .isEqualTo(Outcome.UPDATED);

    CustomerOrder o = f.ordersOf(amal.id()).get(0);
    assertThat(o.status()).isEqualTo("fulfilled");
    assertThat(o.statusChangedAt()).isEqualTo(later);
    assertThat(o.history())
        .extracting(OrderStatusChange::status, OrderStatusChange::changedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("paid", T0),
            org.assertj.core.groups.Tuple.tuple("fulfilled", later));
    assertThat(f.changed.fired)
        .extracting(CustomerChanged::why)
        .containsExactly("order 1001 placed", "order 1001 fulfilled");
  }

  @Test
  @DisplayName("an update the shop made earlier than the applied one never moves the order back")
  void outOfOrderUpdateIgnored() {
    f.customerWithPhone("Amal", "+971501234567");
    record("1001", order("paid", T0, "199.50", AMAL));
    record("1001", order("fulfilled", T0.plusSeconds(600), "199.50", AMAL));
    assertThat(record("1001", order("pending", T0.plusSeconds(300), "150.00", AMAL)))
        .isEqualTo(Outcome.STALE);

    CustomerOrder o = f.allOrders().get(0);
    assertThat(o.status()).isEqualTo("fulfilled");
    assertThat(o.total()).isEqualByComparingTo("199.50");
    assertThat(f.changed.fired).hasSize(2);
  }

  @Test
  @DisplayName("an update that changes lines and total replaces them")
  void linesReplaced() {
    f.customerWithPhone("Amal", "+971501234567");
    record("1001", order("paid", T0, "199.50", AMAL));
    OrderDetails changed =
        new OrderDetails(
            null,
            T0,
            T0.plusSeconds(60),
            "paid",
            "AED",
            new BigDecimal("99.75"),
            "one only",
            List.of(new OrderLine("TEA-1", "Saffron tea", 1, new BigDecimal("99.75"), "AED")),
            AMAL);
    assertThat(record("1001", changed)).isEqualTo(Outcome.UPDATED);

    CustomerOrder o = f.allOrders().get(0);
    assertThat(o.items()).extracting(OrderLine::quantity).containsExactly(1);
    assertThat(o.note()).isEqualTo("one only");
    assertThat(o.history()).hasSize(1);
  }

  @Test
  @DisplayName("orders attach by phone first, then by e-mail; the phone wins a conflict")
  void matching() {
    Customer byPhone = f.customerWithPhone("Amal", "+971501234567");
    Customer byEmail =
        f.inTx(
            () -> {
              Customer c = new Customer(OrderFixture.WS, "Omar", null, f.clock.instant());
              c.edit(null, null, "omar@example.com", null, f.clock.instant());
              f.customers.add(c);
              return c;
            });
    record("1", order("paid", T0, "10", new OrderBuyer(null, "omar@example.com", null)));
    record("2", order("paid", T0, "10", new OrderBuyer("+971501234567", "omar@example.com", null)));

    assertThat(f.ordersOf(byEmail.id())).extracting(CustomerOrder::externalId).containsExactly("1");
    assertThat(f.ordersOf(byPhone.id())).extracting(CustomerOrder::externalId).containsExactly("2");
  }

  @Test
  @DisplayName("a buyer nobody knows becomes a customer whose WhatsApp phone leads to the same one")
  void unknownBuyerBecomesCustomer() {
    record("1001", order("paid", T0, "199.50", AMAL));

    Customer created =
        f.inTx(
            () ->
                f.customers
                    .byIdentity(OrderFixture.WS, CustomerIdentity.PHONE, "+971501234567")
                    .orElseThrow());
    assertThat(created.displayName()).isEqualTo("Amal");
    assertThat(created.email()).isEqualTo("amal@example.com");
    assertThat(
            f.inTx(
                () ->
                    f.customers.byIdentity(
                        OrderFixture.WS, CustomerIdentity.EMAIL, "amal@example.com")))
        .map(Customer::id)
        .contains(created.id());
    assertThat(f.ordersOf(created.id())).hasSize(1);
  }

  @Test
  @DisplayName(
      "an order without phone or e-mail is kept, attached to nobody, and announced to nobody")
  void noContactStaysUnattached() {
    record("1001", order("paid", T0, "199.50", new OrderBuyer(null, null, "Guest")));

    assertThat(f.allOrders()).singleElement().satisfies(o -> assertThat(o.customerId()).isNull());
    assertThat(f.changed.fired).isEmpty();
  }

  @Test
  @DisplayName("an e-mail two customers share is no evidence: the order waits unattached")
  void ambiguousEmail() {
    for (String name : List.of("A", "B")) {
      f.inTx(
          () -> {
            Customer c = new Customer(OrderFixture.WS, name, null, f.clock.instant());
            c.edit(null, null, "family@example.com", null, f.clock.instant());
            f.customers.add(c);
            return c;
          });
    }
    record("1001", order("paid", T0, "10", new OrderBuyer(null, "family@example.com", null)));

    assertThat(f.allOrders()).singleElement().satisfies(o -> assertThat(o.customerId()).isNull());
  }

  @Test
  @DisplayName("an unattached order attaches when an update brings a phone")
  void attachedLater() {
    record("1001", order("paid", T0, "10", OrderBuyer.UNKNOWN));
    Customer amal = f.customerWithPhone("Amal", "+971501234567");
    assertThat(record("1001", order("paid", T0.plusSeconds(5), "10", AMAL)))
        .isEqualTo(Outcome.UPDATED);

    assertThat(f.ordersOf(amal.id())).hasSize(1);
    assertThat(f.changed.fired).extracting(CustomerChanged::customerId).containsExactly(amal.id());
  }

  @Test
  @DisplayName("the summary shows the newest order and the lifetime value without cancelled ones")
  void summary() {
    Customer amal = f.customerWithPhone("Amal", "+971501234567");
    record(
        "1",
        new OrderDetails(
            "#1", T0, null, "paid", "AED", new BigDecimal("100.00"), null, null, AMAL));
    record(
        "2",
        new OrderDetails(
            "#2",
            T0.plusSeconds(60),
            null,
            "cancelled",
            "AED",
            new BigDecimal("40"),
            null,
            null,
            AMAL));
    record(
        "3",
        new OrderDetails(
            "#3",
            T0.plusSeconds(120),
            null,
            "paid",
            "USD",
            new BigDecimal("30"),
            null,
            null,
            AMAL));
    record(
        "4",
        new OrderDetails(
            "#4",
            T0.plusSeconds(180),
            null,
            "fulfilled",
            "AED",
            new BigDecimal("0.25"),
            null,
            null,
            AMAL));

    OrderSummary s = f.inTx(() -> f.book.summary(amal.id())).orElseThrow();
    assertThat(s.lastNumber()).isEqualTo("#4");
    assertThat(s.lastPlacedAt()).isEqualTo(T0.plusSeconds(180));
    assertThat(s.lastTotal()).hasToString("0.25");
    assertThat(s.lastStatus()).isEqualTo("fulfilled");
    assertThat(s.count()).isEqualTo(4);
    assertThat(s.lifetimeValue()).hasToString("100.25");
    assertThat(s.lifetimeCurrency()).isEqualTo("AED");
    assertThat(f.inTx(() -> f.book.orders(amal.id(), 10)))
        .extracting(CustomerOrder::number)
        .containsExactly("#4", "#3", "#2", "#1");
    assertThat(f.inTx(() -> f.book.summary("nobody"))).isEmpty();
  }

  @Test
  @DisplayName("CRM order records are kept per CRM connection, once")
  void crmOrders() {
    Customer amal = f.customerWithPhone("Amal", "+971501234567");
    var record =
        new io.switchboard.spi.crm.capability.OrderRecord(
            "4567", T0, "shipped", new BigDecimal("99.80"), "AED", List.of());
    assertThat(
            f.inTx(() -> f.book.recordCrmOrders(OrderFixture.WS, "rt", amal.id(), List.of(record))))
        .isEqualTo(1);
    assertThat(
            f.inTx(() -> f.book.recordCrmOrders(OrderFixture.WS, "rt", amal.id(), List.of(record))))
        .isZero();
    assertThat(f.ordersOf(amal.id()))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.source()).isEqualTo("crm:rt");
              assertThat(o.status()).isEqualTo("shipped");
            });
  }
}
