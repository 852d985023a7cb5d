package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.domain.Conversation;
import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageRepository;
import io.switchboard.engine.ledger.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records a message to the customer and enqueues its {@code SEND_TO_CHANNEL} on the conversation's
 * ordering key, in the caller's transaction: the message exists exactly when its send does, and
 * sends of one conversation go out in the order they were recorded.
 */
@ApplicationScoped
public class OutboundMessages {
  @Inject MessageRepository messages;
  @Inject Outbox outbox;
  @Inject Clock clock;

  /**
   * @param idempotencyKey the send's key, unique per message (e.g. {@code crm:rt|txn:62#1})
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Message send(
      Conversation c,
      String author,
      String contentType,
      String body,
      String contentJson,
      String sourceEventId,
      String idempotencyKey) {
    return send(c, author, contentType, body, contentJson, sourceEventId, idempotencyKey, 0);
  }

  /**
   * The same for part {@code part} (0-based) of one reply: its creation time is that many
   * microseconds later, so the timeline (ordered by creation time) shows the parts in order even
   * when the clock did not move between them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Message send(
      Conversation c,
      String author,
      String contentType,
      String body,
      String contentJson,
      String sourceEventId,
      String idempotencyKey,
      int part) {
    Instant at = clock.instant().plus(part, ChronoUnit.MICROS);
    Message message = Message.toSend(c, author, contentType, body, contentJson, sourceEventId, at);
    messages.add(message);
    String target = Sources.channel(c.channelId());
    outbox.enqueue(
        c.workspaceId(),
        target,
        OutboxActions.SEND_TO_CHANNEL,
        target + "|" + c.id(),
        idempotencyKey,
        message.id());
    return message;
  }
}
