package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.application.orders.OrderSummary;
import io.switchboard.engine.domain.CustomerOrder;
import io.switchboard.engine.domain.OrderLine;
import io.switchboard.engine.domain.OrderStatusChange;
import jakarta.json.JsonObject;

/** An order with its lines and status history; amounts are exact decimal strings. */
final class OrderView {
  private OrderView() {}

  static JsonObject of(CustomerOrder o) {
    var b =
        AdminJson.object()
            .add("id", o.id())
            .add("source", o.source())
            .add("orderId", o.externalId())
            .add("number", o.number())
            .add("status", o.status())
            .add("statusChangedAt", o.statusChangedAt().toString())
            .add("placedAt", o.placedAt().toString())
            .add("currency", o.currency())
            .add("total", o.total().toPlainString());
    AdminJson.nullable(b, "customerId", o.customerId());
    AdminJson.nullable(b, "sourceUpdatedAt", o.sourceUpdatedAt());
    AdminJson.nullable(b, "note", o.note());
    var buyer = AdminJson.object();
    AdminJson.nullable(buyer, "phone", o.buyer().phoneE164());
    AdminJson.nullable(buyer, "email", o.buyer().email());
    AdminJson.nullable(buyer, "name", o.buyer().name());
    b.add("buyer", buyer);
    b.add("items", AdminJson.array(o.items(), OrderView::line));
    b.add("history", AdminJson.array(o.history(), OrderView::change));
    return b.build();
  }

  static JsonObject summary(OrderSummary s) {
    return AdminJson.object()
        .add("lastNumber", s.lastNumber())
        .add("lastPlacedAt", s.lastPlacedAt().toString())
        .add("lastTotal", s.lastTotal().toPlainString())
        .add("lastCurrency", s.lastCurrency())
        .add("lastStatus", s.lastStatus())
        .add("count", s.count())
        .add("lifetimeValue", s.lifetimeValue().toPlainString())
        .add("lifetimeCurrency", s.lifetimeCurrency())
        .build();
  }

  private static JsonObject line(OrderLine l) {
    var b = AdminJson.object();
    AdminJson.nullable(b, "sku", l.sku());
    AdminJson.nullable(b, "name", l.name());
    return b.add("quantity", l.quantity())
        .add("unitPrice", l.unitPrice().toPlainString())
        .add("currency", l.currency())
        .build();
  }

  private static JsonObject change(OrderStatusChange c) {
    return AdminJson.object().add("status", c.status()).add("at", c.changedAt().toString()).build();
  }
}
