package io.switchboard.engine.application.orders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the mapped order fields of a customer show ({@code order.last.*}, {@code orders.count},
 * {@code orders.lifetime_value}).
 *
 * @param lastNumber the newest order's number ({@code #1001})
 * @param lastPlacedAt when the newest order was placed
 * @param lastTotal its total, exact
 * @param lastCurrency its currency (ISO 4217)
 * @param lastStatus its status ({@code paid}, {@code cancelled} ...)
 * @param count all the customer's orders, cancelled ones included
 * @param lifetimeValue the sum of the totals of the customer's orders in {@code lifetimeCurrency}
 *     except cancelled, voided and refunded ones; orders in other currencies are left out (they
 *     cannot be added without an exchange rate)
 * @param lifetimeCurrency the newest order's currency
 */
public record OrderSummary(
    String lastNumber,
    Instant lastPlacedAt,
    BigDecimal lastTotal,
    String lastCurrency,
    String lastStatus,
    long count,
    BigDecimal lifetimeValue,
    String lifetimeCurrency) {}
