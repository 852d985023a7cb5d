package io.switchboard.engine.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a source says an order is now: the neutral form every source (shop push, Shopify, WhatsApp,
 * CRM) is translated to before it reaches the order book.
 *
 * @param number the number people use ({@code #1001}), or {@code null} for the order id itself
 * @param placedAt when it was placed
 * @param updatedAt when the source last changed it (decides which of two updates is newer), or
 *     {@code null} when the source does not say: then updates apply in the order they arrived
 * @param status the status in lower case ({@code placed}, {@code paid}, {@code cancelled} ...)
 * @param currency ISO 4217 code of the total and every line
 * @param total the amount the customer pays, exact (shipping, tax and discounts included, so it
 *     need not be the sum of the lines)
 * @param note the customer's or shop's note, or {@code null}
 * @param items the lines, possibly none
 * @param buyer who placed it
 */
public record OrderDetails(
    String number,
    Instant placedAt,
    Instant updatedAt,
    String status,
    String currency,
    BigDecimal total,
    String note,
    List<OrderLine> items,
    OrderBuyer buyer) {
  public static final String PLACED = "placed";
  public static final String CANCELLED = "cancelled";

  public OrderDetails {
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(total, "total");
    status = status == null || status.isBlank() ? PLACED : fit(normalStatus(status), 40);
    number = fit(number, 255);
    note = fit(note, 2000);
    items = items == null ? List.of() : List.copyOf(items);
    buyer = buyer == null ? OrderBuyer.UNKNOWN : buyer;
  }

  /**
   * The text cut to what its column holds: lenient sources (Shopify, chats, CRMs) are not refused
   * for a long note; the REST push refuses it before.
   */
  static String fit(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  /** Lower case, words joined by {@code _}; the American {@code canceled} is {@code cancelled}. */
  static String normalStatus(String status) {
    String s = status.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "_");
    return s.equals("canceled") ? CANCELLED : s;
  }
}
