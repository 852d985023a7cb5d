package io.switchboard.engine.domain;

/**
 * Who placed an order, as its source told: kept with the order so an order whose buyer matches no
 * customer yet is never lost, and so anyone can see why an order was attached to a customer.
 *
 * @param phoneE164 the buyer's phone in E.164, or {@code null} (none, or not a valid number)
 * @param email the buyer's e-mail address in lower case, or {@code null}
 * @param name the buyer's name, or {@code null}
 */
public record OrderBuyer(String phoneE164, String email, String name) {
  public static final OrderBuyer UNKNOWN = new OrderBuyer(null, null, null);

  public OrderBuyer {
    email = email != null && email.length() > 320 ? null : email; // no address is that long
    name = OrderDetails.fit(name, 255);
  }
}
