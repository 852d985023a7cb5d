package io.switchboard.engine.application.sync;

import io.switchboard.sync.BridgeField;
import java.time.Instant;
import java.util.Map;

/** The order-summary bridge fields of a customer (last order, count, lifetime value). */
public interface OrderValues {
  /**
   * Adds the customer's order summary values to {@code values} (canonical forms) and when they
   * changed to {@code changedAt}; adds nothing when the customer has no orders.
   */
  void add(String customerId, Map<BridgeField, String> values, Map<BridgeField, Instant> changedAt);
}
