package io.switchboard.engine.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where customers, their identities and their CRM requester links are kept. Implemented with JPA in
 * {@code infrastructure.persistence}.
 */
public interface CustomerRepository {

  Optional<Customer> find(String id);

  /** The customer an identity (kind and value) leads to. */
  Optional<Customer> byIdentity(String workspaceId, String kind, String value);

  void add(Customer customer);

  /** Records an identity; the caller checked that it is new. */
  void addIdentity(CustomerIdentity identity);

  /** The CRM's requester id of a customer on a connection. */
  Optional<CrmRequesterLink> requesterLink(String customerId, String crmConnectionId);

  void addRequesterLink(CrmRequesterLink link);

  /** Customers whose profile e-mail is this address (compared in lower case). */
  List<Customer> withEmail(String workspaceId, String email);
}
