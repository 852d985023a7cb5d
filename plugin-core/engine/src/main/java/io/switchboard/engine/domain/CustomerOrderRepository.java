package io.switchboard.engine.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where customers' orders are kept. Implemented with JPA in {@code infrastructure.persistence}. */
public interface CustomerOrderRepository {

  /** The order a source knows by this id, in a workspace. */
  Optional<CustomerOrder> bySource(String workspaceId, String source, String externalId);

  /** A customer's orders, newest placed first (ties: newest recorded first). */
  List<CustomerOrder> ofCustomer(String customerId, int limit);

  /** How many orders a customer has. */
  long countOf(String customerId);

  /**
   * The sum of the totals of a customer's orders in one currency, leaving out those with one of the
   * given statuses; zero when there are none.
   */
  BigDecimal sumOfTotals(String customerId, String currency, Collection<String> leftOut);

  void add(CustomerOrder order);
}
