package io.switchboard.spi.crm.capability;

import io.switchboard.spi.content.OrderItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order as a CRM or shop holds it.
 *
 * <pre>{@code
 * new OrderRecord("4567", Instant.parse("2026-11-30T10:15:00Z"), "shipped",
 *     new BigDecimal("99.80"), "AED", List.of())
 * }</pre>
 *
 * @param orderId the order number
 * @param placedAt when it was placed
 * @param status its status in the source's words, or {@code null}
 * @param total the total, exact
 * @param currency ISO 4217 code
 * @param items its lines, possibly empty when the source gives only totals
 */
public record OrderRecord(
    String orderId,
    Instant placedAt,
    String status,
    BigDecimal total,
    String currency,
    List<OrderItem> items) {
  public OrderRecord {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(currency, "currency");
    items = items == null ? List.of() : List.copyOf(items);
  }
}
