/**
 * Order history: the order book of every customer (from shops' pushes, Shopify's order webhooks,
 * WhatsApp catalog orders and CRMs), how orders find their customer, and the shops that send them.
 */
package io.switchboard.engine.application.orders;
