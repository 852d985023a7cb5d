package io.switchboard.engine.infrastructure.persistence;

import io.switchboard.engine.domain.CrmRequesterLink;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.engine.domain.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  public JpaCustomerRepository() {}

  /** Over a given entity manager (tests, tools). */
  public JpaCustomerRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Customer> find(String id) {
    return Optional.ofNullable(em.find(Customer.class, id));
  }

  @Override
  public Optional<Customer> byIdentity(String workspaceId, String kind, String value) {
    return em
        .createQuery(
            "select i from CustomerIdentity i where i.workspaceId = :w and i.kind = :k"
                + " and i.value = :v",
            CustomerIdentity.class)
        .setParameter("w", workspaceId)
        .setParameter("k", kind)
        .setParameter("v", value)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(i -> em.find(Customer.class, i.customerId()));
  }

  @Override
  public void add(Customer customer) {
    em.persist(customer);
  }

  @Override
  public void addIdentity(CustomerIdentity identity) {
    em.persist(identity);
    em.flush(); // the unique key must refuse a concurrent twin now, not at commit
  }

  @Override
  public Optional<CrmRequesterLink> requesterLink(String customerId, String crmConnectionId) {
    return Optional.ofNullable(
        em.find(CrmRequesterLink.class, new CrmRequesterLink.Key(customerId, crmConnectionId)));
  }

  @Override
  public void addRequesterLink(CrmRequesterLink link) {
    em.persist(link);
  }

  @Override
  public List<Customer> withEmail(String workspaceId, String email) {
    return em.createQuery(
            "select c from Customer c where c.workspaceId = :w and lower(c.email) = :e",
            Customer.class)
        .setParameter("w", workspaceId)
        .setParameter("e", email.toLowerCase(java.util.Locale.ROOT))
        .setMaxResults(2)
        .getResultList();
  }
}
