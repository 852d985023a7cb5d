package io.switchboard.engine.application.conversations;

import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.engine.domain.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * A phone number set by a person (an admin, an agent in the CRM) becomes one of the customer's
 * identities, as a channel's number does, so that orders and messages with that number find them. A
 * number that already identifies another customer is not taken: merging customers is a decision for
 * a person, never a side effect.
 */
@ApplicationScoped
public class CustomerPhones {
  @Inject CustomerRepository customers;
  @Inject Clock clock;

  public CustomerPhones() {}

  /** Wired by hand (tests). */
  public CustomerPhones(CustomerRepository customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  /** The other customer this E.164 number already identifies, if any. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Customer> heldByAnother(Customer customer, String e164) {
    return customers
        .byIdentity(customer.workspaceId(), CustomerIdentity.PHONE, e164)
        .filter(other -> !other.id().equals(customer.id()));
  }

  /** Records the number as the customer's identity (the caller checked {@link #heldByAnother}). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void remember(Customer customer, String e164) {
    if (customers.byIdentity(customer.workspaceId(), CustomerIdentity.PHONE, e164).isEmpty()) {
      customers.addIdentity(
          new CustomerIdentity(
              customer.workspaceId(),
              customer.id(),
              CustomerIdentity.PHONE,
              e164,
              clock.instant()));
    }
  }

  /** Why a number cannot be the customer's, for the admin or the CRM event's note. */
  public static String heldMessage(String e164, Customer other) {
    return e164
        + " is the phone of another customer ("
        + other.id()
        + "); merging customers is not available yet, so it is not taken";
  }
}
