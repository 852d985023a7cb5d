package io.switchboard.engine.application;

import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.engine.domain.PhoneNumberNormalizer;
import io.switchboard.spi.channel.ChannelUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Identity resolution: finds the customer behind a channel user by channel user id, then by E.164
 * phone number, or creates one; records the identities it learned.
 */
@ApplicationScoped
public class CustomerDirectory {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public Customer resolve(String workspaceId, String channelKind, ChannelUser user) {
    Instant now = clock.instant();
    Optional<String> phone = PhoneNumberNormalizer.toE164(user.phoneNumber());
    Optional<Customer> found =
        byIdentity(workspaceId, channelKind, user.channelUserId())
            .or(() -> phone.flatMap(p -> byIdentity(workspaceId, CustomerIdentity.PHONE, p)));
    Customer customer =
        found.orElseGet(
            () -> {
              Customer created =
                  new Customer(workspaceId, user.displayName(), phone.orElse(null), now);
              em.persist(created);
              return created;
            });
    customer.learn(user.displayName(), phone.orElse(null), now);
    remember(workspaceId, customer, channelKind, user.channelUserId(), now);
    phone.ifPresent(p -> remember(workspaceId, customer, CustomerIdentity.PHONE, p, now));
    return customer;
  }

  private Optional<Customer> byIdentity(String workspaceId, String kind, String value) {
    List<CustomerIdentity> hits =
        em.createQuery(
                "select i from CustomerIdentity i where i.workspaceId = :w and i.kind = :k"
                    + " and i.value = :v",
                CustomerIdentity.class)
            .setParameter("w", workspaceId)
            .setParameter("k", kind)
            .setParameter("v", value)
            .getResultList();
    return hits.stream().findFirst().map(i -> em.find(Customer.class, i.customerId()));
  }

  private void remember(
      String workspaceId, Customer customer, String kind, String value, Instant now) {
    if (byIdentity(workspaceId, kind, value).isEmpty()) {
      em.persist(new CustomerIdentity(workspaceId, customer.id(), kind, value, now));
      em.flush();
    }
  }
}
