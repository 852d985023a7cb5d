package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Customer;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A conversation with its customer's name and phone. Optional fields are JSON null when unknown.
 *
 * @param lastInboundAt ISO-8601 instant, or {@code null}
 * @param updatedAt ISO-8601 instant, or {@code null}
 */
record ConversationView(
    String id,
    String channel,
    String status,
    String channelUserId,
    String customerName,
    String customerPhone,
    String crmConnection,
    String crmTicketId,
    String assignee,
    String team,
    String customerId,
    String labels,
    String previousTicketId,
    String lastInboundAt,
    String updatedAt,
    String referralJson,
    String adReferralAt) {
  static ConversationView of(Conversation c, Customer customer) {
    return new ConversationView(
        c.id(),
        c.channelId(),
        c.status(),
        c.channelUserId(),
        customer == null ? null : customer.displayName(),
        customer == null ? null : customer.phoneE164(),
        c.crmConnectionId(),
        c.crmTicketId(),
        c.assignee(),
        c.assignedGroup(),
        c.customerId(),
        String.join(",", c.labels()),
        c.previousTicketId(),
        Objects.toString(c.lastInboundAt(), null),
        Objects.toString(c.updatedAt(), null),
        c.referralJson(),
        Objects.toString(c.adReferralAt(), null));
  }

  JsonObject toJson() {
    var b =
        AdminJson.object()
            .add("id", id)
            .add("channel", channel)
            .add("status", status)
            .add("channelUserId", channelUserId);
    AdminJson.nullable(b, "customerName", customerName);
    AdminJson.nullable(b, "customerPhone", customerPhone);
    AdminJson.nullable(b, "crmConnection", crmConnection);
    AdminJson.nullable(b, "crmTicketId", crmTicketId);
    AdminJson.nullable(b, "assignee", assignee);
    AdminJson.nullable(b, "team", team);
    AdminJson.nullable(b, "customerId", customerId);
    b.add("labels", labels);
    AdminJson.nullable(b, "previousTicketId", previousTicketId);
    AdminJson.nullable(b, "lastInboundAt", lastInboundAt);
    AdminJson.nullable(b, "updatedAt", updatedAt);
    b.add("referral", AdminJson.parsedOrNull(referralJson));
    AdminJson.nullable(b, "adReferralAt", adReferralAt);
    return b.build();
  }
}
