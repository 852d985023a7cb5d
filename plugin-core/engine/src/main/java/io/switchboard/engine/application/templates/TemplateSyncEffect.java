package io.switchboard.engine.application.templates;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code SYNC_TEMPLATES}: a template webhook asked for a fresh copy of an account's templates;
 * through the outbox, so it is durable, retried with backoff and visible when it fails.
 */
@ApplicationScoped
public class TemplateSyncEffect {
  @Inject Connections connections;
  @Inject TemplateSync sync;

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    var account = connections.channel(entry.subjectId());
    if (account.isEmpty()) {
      return "channel " + entry.subjectId() + " is gone; nothing to sync";
    }
    return sync.sync(account.get())
        .map(r -> "templates synced: " + r)
        .orElse("channel " + entry.subjectId() + " has no template catalog; nothing to sync");
  }
}
