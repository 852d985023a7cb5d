package io.switchboard.engine.application.orders;

import io.switchboard.engine.domain.OrderBuyer;
import io.switchboard.engine.domain.OrderDetails;
import io.switchboard.engine.domain.OrderLine;
import io.switchboard.spi.content.Order;
import io.switchboard.spi.content.OrderItem;
import io.switchboard.spi.crm.capability.OrderRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Orders the SPI already carries (chat catalog orders, CRM order records) as order details. */
final class NeutralOrders {
  private NeutralOrders() {}

  /**
   * A catalog order sent in a chat: placed when the message was sent, status {@code placed}, total
   * the sum of its lines (the chat knows no shipping or tax).
   *
   * @return empty when its lines have no single currency (nothing can be totalled)
   */
  static Optional<OrderDetails> ofChat(Order order, Instant sentAt) {
    if (order.currency() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new OrderDetails(
            null,
            sentAt,
            null,
            OrderDetails.PLACED,
            order.currency(),
            order.total(),
            order.note(),
            lines(order.items()),
            OrderBuyer.UNKNOWN));
  }

  /** An order as a CRM holds it; it has no update time, so updates apply in arrival order. */
  static OrderDetails ofCrm(OrderRecord record) {
    return new OrderDetails(
        record.orderId(),
        record.placedAt(),
        null,
        record.status(),
        record.currency(),
        record.total(),
        null,
        lines(record.items()),
        OrderBuyer.UNKNOWN);
  }

  private static List<OrderLine> lines(List<OrderItem> items) {
    return items.stream()
        .map(i -> new OrderLine(i.productId(), null, i.quantity(), i.unitPrice(), i.currency()))
        .toList();
  }
}
