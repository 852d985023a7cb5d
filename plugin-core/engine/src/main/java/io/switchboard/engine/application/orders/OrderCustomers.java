package io.switchboard.engine.application.orders;

import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.engine.domain.CustomerRepository;
import io.switchboard.engine.domain.OrderBuyer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the customer a shop's order belongs to, on exact evidence only:
 *
 * <ol>
 *   <li>the buyer's phone (E.164) is a customer's phone identity (what WhatsApp proves);
 *   <li>else the buyer's e-mail is a customer's e-mail identity, or the profile e-mail of exactly
 *       one customer (two customers with one address: neither is chosen);
 *   <li>else, when the buyer has a valid phone or an e-mail no customer has, a new customer is
 *       created with them as identities, so that person's first WhatsApp message from that phone
 *       joins the same customer and the agent sees their orders from the start;
 *   <li>else (no usable contact) the order stays unattached: kept, listed nowhere, never guessed.
 * </ol>
 *
 * When phone and e-mail lead to two different customers, the phone wins. Names never match (many
 * people share one), and an existing customer's profile is never changed by an order.
 */
@ApplicationScoped
public class OrderCustomers {
  @Inject CustomerRepository customers;
  @Inject Clock clock;

  public OrderCustomers() {}

  /** Wired by hand (tests, tools). */
  public OrderCustomers(CustomerRepository customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  /**
   * @return the customer's id, or empty when the order must stay unattached
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> customerOf(String workspaceId, OrderBuyer buyer) {
    Optional<Customer> found = match(workspaceId, buyer);
    if (found.isPresent()) {
      return found.map(Customer::id);
    }
    // An address several customers share is no evidence of who this buyer is.
    String email =
        buyer.email() != null && customers.withEmail(workspaceId, buyer.email()).isEmpty()
            ? buyer.email()
            : null;
    if (buyer.phoneE164() == null && email == null) {
      return Optional.empty();
    }
    return Optional.of(
        create(workspaceId, new OrderBuyer(buyer.phoneE164(), email, buyer.name())).id());
  }

  /** The customer an order with this buyer would attach to, without creating one. */
  @Transactional
  public Optional<Customer> lookUp(String workspaceId, OrderBuyer buyer) {
    return match(workspaceId, buyer);
  }

  @Transactional
  public Optional<Customer> customer(String id) {
    return customers.find(id);
  }

  Optional<Customer> match(String workspaceId, OrderBuyer buyer) {
    if (buyer.phoneE164() != null) {
      Optional<Customer> byPhone =
          customers.byIdentity(workspaceId, CustomerIdentity.PHONE, buyer.phoneE164());
      if (byPhone.isPresent()) {
        return byPhone;
      }
    }
    if (buyer.email() != null) {
      Optional<Customer> byEmail =
          customers.byIdentity(workspaceId, CustomerIdentity.EMAIL, buyer.email());
      if (byEmail.isPresent()) {
        return byEmail;
      }
      List<Customer> withEmail = customers.withEmail(workspaceId, buyer.email());
      if (withEmail.size() == 1) {
        return Optional.of(withEmail.get(0));
      }
    }
    return Optional.empty();
  }

  private Customer create(String workspaceId, OrderBuyer buyer) {
    Instant now = clock.instant();
    Customer customer = new Customer(workspaceId, buyer.name(), buyer.phoneE164(), now);
    if (buyer.email() != null) {
      customer.edit(null, null, buyer.email(), null, now);
    }
    customers.add(customer);
    if (buyer.phoneE164() != null) {
      customers.addIdentity(
          new CustomerIdentity(
              workspaceId, customer.id(), CustomerIdentity.PHONE, buyer.phoneE164(), now));
    }
    if (buyer.email() != null) {
      customers.addIdentity(
          new CustomerIdentity(
              workspaceId, customer.id(), CustomerIdentity.EMAIL, buyer.email(), now));
    }
    return customer;
  }
}
