package io.switchboard.spi.channel;

import java.util.Objects;

/**
 * One event of an otherwise readable webhook body that the connector could not understand (a
 * message without id, a status with an unknown shape). The engine quarantines it alone, with the
 * reason, while the good events beside it go on; it can be replayed after a connector fix.
 *
 * <pre>{@code
 * new UnreadableEvent("106540352242922", "unreadable:entry0:change0:message2",
 *     "message has no id", "{\"from\":\"1650...\"}")
 * }</pre>
 *
 * @param accountId the account the event was for, or an empty string when even that is unknown
 * @param dedupeKey a key stable for the same body position (so a redelivery is a duplicate)
 * @param reason why it could not be read
 * @param rawJson the event's JSON as received
 */
public record UnreadableEvent(String accountId, String dedupeKey, String reason, String rawJson)
    implements InboundEvent {
  public UnreadableEvent {
    accountId = accountId == null ? "" : accountId;
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String orderingKey() {
    return dedupeKey;
  }
}
