package io.switchboard.engine.application.orders;

import io.switchboard.engine.application.pipeline.Sources;
import io.switchboard.engine.application.pipeline.UnprocessableEventException;
import io.switchboard.engine.ledger.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/**
 * Step 2 for shops: a stored push or Shopify webhook goes into the order book. What had no effect
 * says why in the ledger row's note (a topic that carries no order, an update older than the one
 * applied, the same order again); a body that cannot be read goes to quarantine with the reason.
 */
@ApplicationScoped
public class ShopEventIntake {
  /** Shopify topics whose payload is the whole order. */
  static final Set<String> ORDER_TOPICS =
      Set.of(
          "orders/create",
          "orders/updated",
          "orders/paid",
          "orders/cancelled",
          "orders/fulfilled",
          "orders/partially_fulfilled");

  @Inject OrderBook book;

  static boolean isOrderTopic(String topic) {
    return ORDER_TOPICS.contains(topic);
  }

  /**
   * @return a note when the event had no effect on purpose
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> process(InboundEvent event) {
    if (!event.source().startsWith(Sources.SHOP)) {
      throw new IllegalArgumentException("not a shop event: " + event.source());
    }
    PushedOrder order;
    if (ShopIngestion.PUSH.equals(event.format())) {
      try {
        order = ShopOrderJson.read(event.body());
      } catch (InvalidOrderException e) {
        throw new UnprocessableEventException("pushed order invalid: " + e.getMessage(), e);
      }
    } else {
      String topic = event.routeKey();
      if (ShopIngestion.SHOPIFY.equals(event.format()) && !isOrderTopic(topic)) {
        return Optional.of("Shopify topic " + topic + " carries no order: ignored");
      }
      try {
        order = ShopifyOrderJson.read(event.body());
      } catch (IllegalArgumentException e) {
        throw new UnprocessableEventException(e.getMessage(), e);
      }
    }
    OrderBook.Outcome outcome =
        book.record(event.workspaceId(), event.source(), order.orderId(), order.details(), null);
    return switch (outcome) {
      case CREATED, UPDATED -> Optional.empty();
      case UNCHANGED -> Optional.of("order " + order.orderId() + " unchanged");
      case STALE ->
          Optional.of(
              "order "
                  + order.orderId()
                  + " update older than the one applied (updatedAt): ignored");
    };
  }
}
