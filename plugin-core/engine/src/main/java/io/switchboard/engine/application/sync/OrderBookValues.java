package io.switchboard.engine.application.sync;

import io.switchboard.engine.application.orders.OrderBook;
import io.switchboard.engine.application.orders.OrderSummary;
import io.switchboard.sync.BridgeField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The order summary bridge fields, from the order book. */
@ApplicationScoped
public class OrderBookValues implements OrderValues {
  @Inject OrderBook orders;

  @Override
  public void add(
      String customerId, Map<BridgeField, String> values, Map<BridgeField, Instant> changedAt) {
    orders
        .summary(customerId)
        .ifPresent(
            s -> {
              Instant at = s.lastPlacedAt();
              put(values, changedAt, BridgeField.LAST_ORDER_NUMBER, s.lastNumber(), at);
              put(
                  values,
                  changedAt,
                  BridgeField.LAST_ORDER_DATE,
                  at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString(),
                  at);
              put(values, changedAt, BridgeField.LAST_ORDER_TOTAL, plain(s), at);
              put(values, changedAt, BridgeField.LAST_ORDER_CURRENCY, s.lastCurrency(), at);
              put(values, changedAt, BridgeField.LAST_ORDER_STATUS, s.lastStatus(), at);
              put(values, changedAt, BridgeField.ORDER_COUNT, Long.toString(s.count()), at);
              put(
                  values,
                  changedAt,
                  BridgeField.ORDER_LIFETIME_VALUE,
                  s.lifetimeValue() == null ? null : s.lifetimeValue().toPlainString(),
                  at);
            });
  }

  private static String plain(OrderSummary s) {
    return s.lastTotal() == null ? null : s.lastTotal().toPlainString();
  }

  private static void put(
      Map<BridgeField, String> values,
      Map<BridgeField, Instant> changedAt,
      BridgeField field,
      String value,
      Instant at) {
    if (value != null && !value.isEmpty()) {
      values.put(field, value);
      if (at != null) {
        changedAt.put(field, at);
      }
    }
  }
}
