package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.CustomerOrder;
import io.switchboard.engine.domain.CustomerOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCustomerOrderRepository implements CustomerOrderRepository {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public JpaCustomerOrderRepository() {}

  /** Over a given entity manager (tests, tools). */
  public JpaCustomerOrderRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<CustomerOrder> bySource(String workspaceId, String source, String externalId) {
    return em
        .createQuery(
            "select o from CustomerOrder o where o.workspaceId = :w and o.source = :s"
                + " and o.externalId = :x",
            CustomerOrder.class)
        .setParameter("w", workspaceId)
        .setParameter("s", source)
        .setParameter("x", externalId)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<CustomerOrder> ofCustomer(String customerId, int limit) {
    return em.createQuery(
            "select o from CustomerOrder o where o.customerId = :c"
                + " order by o.placedAt desc, o.createdAt desc, o.id desc",
            CustomerOrder.class)
        .setParameter("c", customerId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countOf(String customerId) {
    return em.createQuery(
            "select count(o) from CustomerOrder o where o.customerId = :c", Long.class)
        .setParameter("c", customerId)
        .getSingleResult();
  }

  @Override
  public BigDecimal sumOfTotals(String customerId, String currency, Collection<String> leftOut) {
    BigDecimal sum =
        em.createQuery(
                "select sum(o.total) from CustomerOrder o where o.customerId = :c"
                    + " and o.currency = :cur and o.status not in :out",
                BigDecimal.class)
            .setParameter("c", customerId)
            .setParameter("cur", currency)
            .setParameter("out", leftOut)
            .getSingleResult();
    return sum == null ? BigDecimal.ZERO : sum;
  }

  @Override
  public void add(CustomerOrder order) {
    em.persist(order);
    em.flush(); // the unique (source, external id) must refuse a concurrent twin now
  }
}
