package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.domain.Message;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.engine.ledger.LedgerStatus;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.engine.ledger.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Another try of a reply that failed before the channel took it: its quarantined {@code
 * SEND_TO_CHANNEL} is replayed as an admin's replay would be (the message is pending again and goes
 * out in its conversation's order). A message the channel accepted and later reported failed is not
 * sent again here: that would be a second message.
 */
@ApplicationScoped
public class SendRetries {
  @Inject Outbox outbox;
  @Inject OutboxEffects effects;

  public enum Retry {
    QUEUED,
    /** Not a failed outbound message the channel never accepted. */
    NOT_FAILED,
    /** Failed before it was queued (a refused command) or its send is not quarantined. */
    NOTHING_TO_REPLAY
  }

  @Transactional
  public Retry retry(Message m) {
    if (!Message.OUT.equals(m.direction())
        || m.status() != MessageStatus.FAILED
        || m.externalId() != null) {
      return Retry.NOT_FAILED;
    }
    Optional<OutboxEntry> send =
        outbox.ofSubject(OutboxActions.SEND_TO_CHANNEL, m.id()).stream()
            .filter(e -> e.status() == LedgerStatus.QUARANTINED)
            .reduce((a, b) -> b);
    if (send.isEmpty()) {
      return Retry.NOTHING_TO_REPLAY;
    }
    effects.prepareReplay(send.get());
    return outbox.replay(send.get().id()) ? Retry.QUEUED : Retry.NOTHING_TO_REPLAY;
  }
}
