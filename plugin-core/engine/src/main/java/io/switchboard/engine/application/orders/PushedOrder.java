package io.switchboard.engine.application.orders;

import io.switchboard.engine.domain.OrderDetails;

/**
 * An order as a shop sent it, translated.
 *
 * @param orderId the shop's order id (Shopify: the order's numeric id)
 * @param details what the order is now
 */
public record PushedOrder(String orderId, OrderDetails details) {}
