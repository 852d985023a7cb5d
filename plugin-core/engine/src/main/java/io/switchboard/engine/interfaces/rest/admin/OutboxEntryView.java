package io.switchboard.engine.interfaces.rest.admin;

import io.switchboard.engine.ledger.OutboxEntry;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * An outbox entry (one side effect on a CRM or channel).
 *
 * @param reason the last error or quarantine reason, or {@code null}
 * @param result a short description of what the effect did, or {@code null}
 */
record OutboxEntryView(
    long id,
    String target,
    String action,
    String idempotencyKey,
    String subjectId,
    String status,
    int attempts,
    String reason,
    String result,
    String nextAttemptAt,
    String createdAt) {
  static OutboxEntryView of(OutboxEntry e) {
    return new OutboxEntryView(
        e.id(),
        e.target(),
        e.action(),
        e.idempotencyKey(),
        e.subjectId(),
        e.status().name(),
        e.attempts(),
        e.lastError(),
        e.result(),
        Objects.toString(e.nextAttemptAt(), null),
        Objects.toString(e.createdAt(), null));
  }

  JsonObject toJson() {
    var b =
        AdminJson.object()
            .add("id", id)
            .add("target", target)
            .add("action", action)
            .add("idempotencyKey", idempotencyKey)
            .add("subjectId", subjectId)
            .add("status", status)
            .add("attempts", attempts);
    AdminJson.nullable(b, "reason", reason);
    AdminJson.nullable(b, "result", result);
    AdminJson.nullable(b, "nextAttemptAt", nextAttemptAt);
    AdminJson.nullable(b, "createdAt", createdAt);
    return b.build();
  }
}
