package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.ledger.InboundEvent;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A row of the inbound ledger, with its stored body as text.
 *
 * @param reason the last error or quarantine reason, or {@code null}
 * @param accountId the account id a channel event names (its route), or {@code null}
 */
record InboundEventView(
    long id,
    String source,
    String dedupeKey,
    String format,
    String status,
    int attempts,
    String body,
    String reason,
    String accountId,
    String receivedAt,
    String processedAt) {
  static InboundEventView of(InboundEvent e) {
    return new InboundEventView(
        e.id(),
        e.source(),
        e.dedupeKey(),
        e.format(),
        e.status().name(),
        e.attempts(),
        new String(e.body(), StandardCharsets.UTF_8),
        e.lastError(),
        e.routeKey() == null || e.routeKey().isEmpty() ? null : e.routeKey(),
        Objects.toString(e.receivedAt(), null),
        Objects.toString(e.processedAt(), null));
  }

  JsonObject toJson() {
    var b =
        AdminJson.object()
            .add("id", id)
            .add("source", source)
            .add("dedupeKey", dedupeKey)
            .add("format", format)
            .add("status", status)
            .add("attempts", attempts)
            .add("body", body);
    AdminJson.nullable(b, "reason", reason);
    AdminJson.nullable(b, "accountId", accountId);
    AdminJson.nullable(b, "receivedAt", receivedAt);
    AdminJson.nullable(b, "processedAt", processedAt);
    return b.build();
  }
}
