package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.sync.CustomerChanged;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.engine.domain.CustomerRepository;
import io.switchboard.engine.domain.PhoneNumberNormalizer;
import io.switchboard.spi.channel.ChannelUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Identity resolution: finds the customer behind a channel user by any of their channel ids (the id
 * to reply to, then further ids such as WhatsApp's business-scoped {@code user_id} or {@code
 * parent_user_id}), then by E.164 phone number, or creates one; records every identity it learned.
 * A customer may have no phone at all. Usernames are recorded (kind {@code <channel>-username}) but
 * never used to match: a handle can change hands.
 */
@ApplicationScoped
public class CustomerDirectory {
  @Inject CustomerRepository repository;
  @Inject Clock clock;
  @Inject Event<CustomerChanged> customerChanged;

  @Transactional(Transactional.TxType.MANDATORY)
  public Customer resolve(String workspaceId, String channelKind, ChannelUser user) {
    Instant now = clock.instant();
    Optional<String> phone = PhoneNumberNormalizer.toE164(user.phoneNumber());
    List<String> ids = new ArrayList<>();
    ids.add(user.channelUserId());
    user.otherIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    Optional<Customer> found = Optional.empty();
    for (String id : ids) {
      found = byIdentity(workspaceId, channelKind, id);
      if (found.isPresent()) {
        break;
      }
    }
    if (found.isEmpty()) {
      found = phone.flatMap(p -> byIdentity(workspaceId, CustomerIdentity.PHONE, p));
    }
    Customer customer =
        found.orElseGet(
            () -> {
              Customer created =
                  new Customer(workspaceId, user.displayName(), phone.orElse(null), now);
              repository.add(created);
              return created;
            });
    if (customer.learn(user.displayName(), phone.orElse(null), now) && found.isPresent()) {
      customerChanged.fire(
          new CustomerChanged(workspaceId, customer.id(), "profile from " + channelKind));
    }
    for (String id : ids) {
      remember(workspaceId, customer, channelKind, id, now);
    }
    phone.ifPresent(p -> remember(workspaceId, customer, CustomerIdentity.PHONE, p, now));
    if (user.username() != null && !user.username().isBlank()) {
      remember(workspaceId, customer, channelKind + "-username", user.username(), now);
    }
    return customer;
  }

  /**
   * The channel gave the same person a new id (WhatsApp {@code user_changed_user_id}): the new id
   * leads to the same customer, so their history stays one.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void sameAs(String workspaceId, Customer customer, String channelKind, String newId) {
    if (newId != null && !newId.isBlank()) {
      remember(workspaceId, customer, channelKind, newId, clock.instant());
    }
  }

  private Optional<Customer> byIdentity(String workspaceId, String kind, String value) {
    return repository.byIdentity(workspaceId, kind, value);
  }

  private void remember(
      String workspaceId, Customer customer, String kind, String value, Instant now) {
    if (byIdentity(workspaceId, kind, value).isEmpty()) {
      repository.addIdentity(new CustomerIdentity(workspaceId, customer.id(), kind, value, now));
    }
  }
}
