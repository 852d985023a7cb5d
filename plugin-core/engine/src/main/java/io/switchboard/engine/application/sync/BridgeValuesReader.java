package io.switchboard.engine.application.sync;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Customer;
import io.switchboard.engine.domain.CustomerIdentity;
import io.switchboard.spi.crm.TicketState;
import io.switchboard.sync.BridgeField;
import io.switchboard.sync.BridgeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bridge's values of the mappable fields, read from the customer, their identities, the
 * conversation and the order book, in the canonical forms {@link io.switchboard.sync.ValueKind}
 * describes.
 */
@ApplicationScoped
public class BridgeValuesReader implements BridgeValueSource {
  @PersistenceContext(unitName = "switchboard")
  EntityManager em;

  @Inject OrderValues orders;

  /** Where agents reach the bridge; the conversation link a mapping can write starts with it. */
  @Inject
  @ConfigProperty(name = "switchboard.public-url", defaultValue = "http://127.0.0.1:8080")
  String publicUrl;

  @Override
  @Transactional
  public BridgeValues forConversation(String conversationId) {
    Conversation c = em.find(Conversation.class, conversationId);
    if (c == null) {
      return new BridgeValues(Map.of(), Map.of());
    }
    Values v = customerValues(c.customerId());
    Instant changed = c.updatedAt();
    v.put(BridgeField.CONVERSATION_LABELS, String.join(",", c.labels()), changed);
    v.put(BridgeField.CONVERSATION_LINK, link(c.id()), null);
    v.put(BridgeField.CONVERSATION_STATUS, status(c), changed);
    v.put(BridgeField.CONVERSATION_ASSIGNEE, c.assignee(), changed);
    v.put(BridgeField.CONVERSATION_TEAM, c.assignedGroup(), changed);
    if (c.firstReplyAt() != null) {
      long seconds = Math.max(0, Duration.between(c.createdAt(), c.firstReplyAt()).getSeconds());
      v.put(BridgeField.FIRST_RESPONSE_SECONDS, Long.toString(seconds), c.firstReplyAt());
    }
    v.put(BridgeField.LAST_INBOUND_AT, instant(c.lastInboundAt()), c.lastInboundAt());
    v.put(BridgeField.LAST_REPLY_AT, instant(c.lastReplyAt()), c.lastReplyAt());
    return v.done();
  }

  @Override
  @Transactional
  public BridgeValues forCustomer(String customerId) {
    return customerValues(customerId).done();
  }

  private Values customerValues(String customerId) {
    Values v = new Values();
    Customer customer = em.find(Customer.class, customerId);
    if (customer == null) {
      return v;
    }
    Instant at = customer.profileChangedAt();
    v.put(BridgeField.CUSTOMER_NAME, customer.displayName(), at);
    v.put(BridgeField.CUSTOMER_PHONE, customer.phoneE164(), at);
    v.put(BridgeField.CUSTOMER_EMAIL, customer.email(), at);
    v.put(BridgeField.CUSTOMER_LANGUAGE, customer.language(), at);
    em.createQuery(
            "select i from CustomerIdentity i where i.customerId = :c order by i.kind",
            CustomerIdentity.class)
        .setParameter("c", customerId)
        .getResultList()
        .forEach(i -> identityField(i.kind()).ifPresent(f -> v.values.putIfAbsent(f, i.value())));
    orders.add(customerId, v.values, v.changedAt);
    return v;
  }

  private static java.util.Optional<BridgeField> identityField(String kind) {
    return switch (kind) {
      case "whatsapp" -> java.util.Optional.of(BridgeField.IDENTITY_WHATSAPP);
      case "messenger" -> java.util.Optional.of(BridgeField.IDENTITY_MESSENGER);
      case "instagram" -> java.util.Optional.of(BridgeField.IDENTITY_INSTAGRAM);
      default -> java.util.Optional.empty();
    };
  }

  /** The conversation's status as agents think of it. */
  static String status(Conversation c) {
    if (Conversation.CLOSED.equals(c.status())) {
      return "closed";
    }
    String state = c.crmTicketState();
    if (TicketState.SOLVED.name().equals(state) || TicketState.CLOSED.name().equals(state)) {
      return "solved";
    }
    if (TicketState.PENDING.name().equals(state)) {
      return "waiting-on-customer";
    }
    return "open";
  }

  private String link(String conversationId) {
    String base =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return base + "/switchboard/api/admin/conversations/" + conversationId;
  }

  private static String instant(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Values and change times being collected. */
  private static final class Values {
    final Map<BridgeField, String> values = new EnumMap<>(BridgeField.class);
    final Map<BridgeField, Instant> changedAt = new EnumMap<>(BridgeField.class);

    void put(BridgeField field, String value, Instant at) {
      if (value != null && !value.isEmpty()) {
        values.put(field, value);
        if (at != null) {
          changedAt.put(field, at);
        }
      }
    }

    BridgeValues done() {
      return new BridgeValues(values, changedAt);
    }
  }
}
