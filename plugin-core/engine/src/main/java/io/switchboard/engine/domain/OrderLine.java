package io.switchboard.engine.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Objects;

/** One line of a customer's order: what, how many, at what price (exact, with its currency). */
@Embeddable
public class OrderLine {
  private String sku;
  private String name;
  private int quantity;

  @Column(name = "unit_price")
  private BigDecimal unitPrice;

  private String currency;

  protected OrderLine() {}

  /**
   * @param sku the shop's product or variant code, or {@code null}
   * @param name the product's title, or {@code null}
   * @param quantity how many, above zero
   * @param unitPrice the price of one
   * @param currency ISO 4217 code
   */
  public OrderLine(String sku, String name, int quantity, BigDecimal unitPrice, String currency) {
    this.sku = OrderDetails.fit(sku, 255);
    this.name = OrderDetails.fit(name, 500);
    this.quantity = quantity;
    this.unitPrice = Objects.requireNonNull(unitPrice, "unitPrice");
    this.currency = Objects.requireNonNull(currency, "currency");
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public int quantity() {
    return quantity;
  }

  public BigDecimal unitPrice() {
    return Money.exact(unitPrice, currency);
  }

  public String currency() {
    return currency;
  }

  /** quantity x unit price. */
  public BigDecimal lineTotal() {
    return unitPrice().multiply(BigDecimal.valueOf(quantity));
  }

  /** Same product, quantity and price (2.5 and 2.50 are the same price). */
  public boolean sameAs(OrderLine other) {
    return Objects.equals(sku, other.sku)
        && Objects.equals(name, other.name)
        && quantity == other.quantity
        && unitPrice.compareTo(other.unitPrice) == 0
        && currency.equals(other.currency);
  }
}
