package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.ConversationRepository;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.CrmRequesterLink;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.PhoneNumberNormalizer;
import io.switchboard.spi.crm.FieldChange;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.sync.BridgeField;
import io.switchboard.sync.BridgeValues;
import io.switchboard.sync.FieldMapping;
import io.switchboard.sync.FieldSync;
import io.switchboard.sync.InboundDecision;
import io.switchboard.sync.SyncedValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapped CRM field changed: decided by {@link FieldSync#onCrmChange} against the last agreed
 * state (the bridge's own write coming back is an echo and does nothing), then taken into the
 * bridge (profile, labels), or answered with the bridge's value when the mapping or the conflict
 * rule says the bridge wins. Taking a value schedules the sync of the customer's other mapped
 * fields, so every CRM field that shows it follows.
 */
@ApplicationScoped
public class FieldChangeIntake {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject ConversationRepository conversations;
  @Inject MappingStore mappings;
  @Inject SyncStates states;
  @Inject BridgeValueSource values;
  @Inject SyncScheduler scheduler;
  @Inject Event<CustomerChanged> customerChanged;
  @Inject Event<ConversationChanged> conversationChanged;
  @Inject Clock clock;
  @Inject io.switchboard.engine.application.conversations.CustomerPhones phones;

  /**
   * @return a note when the change was deliberately not acted on, else empty
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> handle(CrmConnection connection, FieldChange change) {
    Optional<FieldMapping> mapping =
        mappings.inForce(connection.id()).of(change.target(), change.field());
    if (mapping.isEmpty()) {
      return Optional.of(
          describe(change) + " is not mapped on CRM connection " + connection.id() + "; ignored");
    }
    Conversation conversation = null;
    String customerId;
    if (change.target() == FieldTarget.TICKET) {
      conversation = conversations.byTicket(connection.id(), change.objectId()).orElse(null);
      if (conversation == null) {
        return Optional.of(
            describe(change) + ": the ticket is not linked to a conversation; ignored");
      }
      customerId = conversation.customerId();
    } else {
      Optional<String> owner = customerOfRequester(connection.id(), change.objectId());
      if (owner.isEmpty()) {
        return Optional.of(
            describe(change) + ": the requester is not a Switchboard customer; ignored");
      }
      customerId = owner.get();
    }
    BridgeValues current =
        conversation != null
            ? values.forConversation(conversation.id())
            : values.forCustomer(customerId);
    SyncedValue synced =
        states.of(connection.id(), change.target(), change.objectId(), change.field()).orElse(null);
    InboundDecision decision =
        FieldSync.onCrmChange(mapping.get(), change.newValue(), change.at(), synced, current);
    if (decision instanceof InboundDecision.Echo) {
      return Optional.of(describe(change) + " is the bridge's own value; nothing to do");
    }
    if (decision instanceof InboundDecision.Ignore ignore) {
      return Optional.of(describe(change) + ": " + ignore.reason());
    }
    if (decision instanceof InboundDecision.WriteBack) {
      // The bridge's value stands: forgetting the agreed state makes the next sync write it.
      states.forget(connection.id(), change.target(), change.objectId(), change.field());
      scheduler.schedule(connection.workspaceId(), connection.id(), customerId, null);
      return Optional.empty();
    }
    InboundDecision.TakeIntoBridge take = (InboundDecision.TakeIntoBridge) decision;
    Optional<String> refused =
        take(take.field(), take.bridgeValue(), customerId, conversation, change.at());
    if (refused.isPresent()) {
      return Optional.of(describe(change) + ": " + refused.get());
    }
    String bridgeValue =
        take.field() == BridgeField.CUSTOMER_PHONE && take.bridgeValue() != null
            ? PhoneNumberNormalizer.toE164(take.bridgeValue()).orElse(take.bridgeValue())
            : take.bridgeValue();
    states.agreed(
        connection.id(),
        change.target(),
        change.objectId(),
        Map.of(change.field(), change.newValue() == null ? "" : change.newValue()),
        bridgeValue == null ? Map.of() : Map.of(change.field(), bridgeValue));
    return Optional.empty();
  }

  /**
   * Takes a CRM value into the bridge field.
   *
   * @return why it was refused, or empty when taken
   */
  private Optional<String> take(
      BridgeField field, String value, String customerId, Conversation conversation, Instant at) {
    Instant now = clock.instant();
    if (field == BridgeField.CONVERSATION_LABELS) {
      if (conversation == null) {
        return Optional.of("labels belong to a conversation, not to a requester");
      }
      conversation.labelWith(value == null ? Set.of() : Arrays.asList(value.split(",")), now);
      conversationChanged.fire(
          new ConversationChanged(
              conversation.id(), Set.of(BridgeField.CONVERSATION_LABELS), "labels from the CRM"));
      return Optional.empty();
    }
    Customer customer = em.find(Customer.class, customerId);
    boolean changed;
    switch (field) {
      case CUSTOMER_NAME -> {
        if (value == null || value.isBlank()) {
          return Optional.of("a customer's name is never cleared; kept");
        }
        changed = customer.edit(value.strip(), null, null, null, now);
      }
      case CUSTOMER_PHONE -> {
        if (value == null || value.isBlank()) {
          return Optional.of("a customer's phone is never cleared; kept");
        }
        Optional<String> e164 = PhoneNumberNormalizer.toE164(value);
        if (e164.isEmpty()) {
          return Optional.of("'" + value + "' is not a phone number with its country code; kept");
        }
        Optional<Customer> other = phones.heldByAnother(customer, e164.get());
        if (other.isPresent()) {
          return Optional.of(
              io.switchboard.engine.application.conversations.CustomerPhones.heldMessage(
                  e164.get(), other.get()));
        }
        phones.remember(customer, e164.get());
        changed = customer.edit(null, e164.get(), null, null, now);
      }
      case CUSTOMER_EMAIL -> {
        String email = value == null ? "" : value.strip();
        if (!email.isEmpty() && !Customer.isEmailAddress(email)) {
          return Optional.of("'" + value + "' is not an e-mail address; kept");
        }
        changed = customer.edit(null, null, email, null, now);
      }
      case CUSTOMER_LANGUAGE ->
          changed = customer.edit(null, null, null, value == null ? "" : value.strip(), now);
      default -> {
        return Optional.of("the bridge field " + field.key() + " cannot be set from the CRM");
      }
    }
    if (changed) {
      customerChanged.fire(
          new CustomerChanged(
              customer.workspaceId(), customer.id(), field.key() + " from the CRM"));
    }
    return Optional.empty();
  }

  private Optional<String> customerOfRequester(String connectionId, String requesterId) {
    return em.createQuery(
            "select l from CrmRequesterLink l where l.crmConnectionId = :k"
                + " and l.requesterId = :r",
            CrmRequesterLink.class)
        .setParameter("k", connectionId)
        .setParameter("r", requesterId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(CrmRequesterLink::customerId);
  }

  private static String describe(FieldChange change) {
    return "change of "
        + change.target().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + change.objectId()
        + " field '"
        + change.field()
        + "'";
  }
}
