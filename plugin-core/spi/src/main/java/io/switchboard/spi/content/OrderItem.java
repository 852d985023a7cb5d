package io.switchboard.spi.content;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an order.
 *
 * @param productId the shop's product id (WhatsApp {@code product_retailer_id})
 * @param quantity how many
 * @param unitPrice the price of one, exact
 * @param currency ISO 4217 code, e.g. {@code AED}
 */
public record OrderItem(String productId, int quantity, BigDecimal unitPrice, String currency) {
  public OrderItem {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(currency, "currency");
  }

  /** quantity x unit price. */
  public BigDecimal lineTotal() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
