package io.switchboard.sync;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A field the bridge knows and a mapping can use. Each has a stable {@link #key()} (used in mapping
 * files and the admin API), a {@link ValueKind} for its canonical value, a {@link Scope} (one value
 * per customer or per conversation) and whether the CRM may write it ({@link #crmWritable()}):
 * computed fields (order summary, times, identities, link) only ever go to the CRM.
 */
public enum BridgeField {
  CUSTOMER_NAME("customer.name", ValueKind.TEXT, Scope.CUSTOMER, true),
  CUSTOMER_PHONE("customer.phone", ValueKind.PHONE, Scope.CUSTOMER, true),
  CUSTOMER_EMAIL("customer.email", ValueKind.EMAIL, Scope.CUSTOMER, true),
  CUSTOMER_LANGUAGE("customer.language", ValueKind.TEXT, Scope.CUSTOMER, true),
  IDENTITY_WHATSAPP("identity.whatsapp", ValueKind.TEXT, Scope.CUSTOMER, false),
  IDENTITY_MESSENGER("identity.messenger", ValueKind.TEXT, Scope.CUSTOMER, false),
  IDENTITY_INSTAGRAM("identity.instagram", ValueKind.TEXT, Scope.CUSTOMER, false),
  CONVERSATION_LABELS("conversation.labels", ValueKind.MULTI, Scope.CONVERSATION, true),
  CONVERSATION_LINK("conversation.link", ValueKind.URL, Scope.CONVERSATION, false),
  CONVERSATION_STATUS(
      "conversation.status",
      ValueKind.ENUM,
      Scope.CONVERSATION,
      false,
      "open",
      "waiting-on-customer",
      "solved",
      "closed"),
  CONVERSATION_ASSIGNEE("conversation.assignee", ValueKind.TEXT, Scope.CONVERSATION, false),
  CONVERSATION_TEAM("conversation.team", ValueKind.TEXT, Scope.CONVERSATION, false),
  FIRST_RESPONSE_SECONDS(
      "conversation.first_response_seconds", ValueKind.INTEGER, Scope.CONVERSATION, false),
  LAST_INBOUND_AT("conversation.last_inbound_at", ValueKind.DATE_TIME, Scope.CONVERSATION, false),
  LAST_REPLY_AT("conversation.last_reply_at", ValueKind.DATE_TIME, Scope.CONVERSATION, false),
  LAST_ORDER_NUMBER("order.last.number", ValueKind.TEXT, Scope.CUSTOMER, false),
  LAST_ORDER_DATE("order.last.date", ValueKind.DATE_TIME, Scope.CUSTOMER, false),
  LAST_ORDER_TOTAL("order.last.total", ValueKind.DECIMAL, Scope.CUSTOMER, false),
  LAST_ORDER_CURRENCY("order.last.currency", ValueKind.TEXT, Scope.CUSTOMER, false),
  LAST_ORDER_STATUS("order.last.status", ValueKind.TEXT, Scope.CUSTOMER, false),
  ORDER_COUNT("orders.count", ValueKind.INTEGER, Scope.CUSTOMER, false),
  ORDER_LIFETIME_VALUE("orders.lifetime_value", ValueKind.DECIMAL, Scope.CUSTOMER, false);

  /** Whether a field has one value per customer or one per conversation (ticket). */
  public enum Scope {
    CUSTOMER,
    CONVERSATION
  }

  private final String key;
  private final ValueKind kind;
  private final Scope scope;
  private final boolean crmWritable;
  private final List<String> values;

  BridgeField(String key, ValueKind kind, Scope scope, boolean crmWritable, String... values) {
    this.key = key;
    this.kind = kind;
    this.scope = scope;
    this.crmWritable = crmWritable;
    this.values = List.of(values);
  }

  public String key() {
    return key;
  }

  public ValueKind kind() {
    return kind;
  }

  public Scope scope() {
    return scope;
  }

  /** Whether a mapping may bring this field's value from the CRM (direction from-CRM or both). */
  public boolean crmWritable() {
    return crmWritable;
  }

  /** For {@link ValueKind#ENUM}, the values it takes; else empty. */
  public List<String> enumValues() {
    return values;
  }

  public static Optional<BridgeField> byKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }
}
