package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.templates.TemplateActions;
import io.switchboard.engine.application.templates.TemplateRows;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.ledger.Outbox;
import io.switchboard.spi.channel.TemplateUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Applies a channel's template change (status, category) at once to the templates the engine keeps
 * for the accounts of the app it came from, and schedules a fresh sync of those accounts through
 * the outbox ({@code SYNC_TEMPLATES}), which also picks up what the webhook does not say (new
 * parts, quality).
 */
@ApplicationScoped
public class TemplateUpdates {
  @Inject Connections connections;
  @Inject TemplateRows rows;
  @Inject Outbox outbox;

  /**
   * A channel account was created or reconfigured (a new WABA id, a new token): its templates are
   * read at once instead of at the next periodic sync.
   */
  @jakarta.transaction.Transactional
  public void accountConfigured(String channelId) {
    connections
        .channel(channelId)
        .ifPresent(
            a ->
                outbox.enqueue(
                    a.workspaceId(),
                    Sources.channel(a.id()),
                    TemplateActions.SYNC_TEMPLATES,
                    "templates:" + a.id(),
                    "templates-sync:" + a.id() + ":configured:" + java.util.UUID.randomUUID(),
                    a.id()));
  }

  /**
   * @param source the ledger source of the app ({@code app:<id>}) or account ({@code channel:<id>})
   * @return what was done, kept on the ledger row
   */
  public String apply(String source, TemplateUpdate update) {
    List<ChannelAccount> accounts = accountsOf(source);
    String what =
        "template "
            + update.name()
            + " ("
            + update.language()
            + ") "
            + update.change().name().toLowerCase(Locale.ROOT)
            + " is now "
            + update.value();
    if (accounts.isEmpty()) {
      return what + ": no channel account of " + source + "; nothing to update";
    }
    int changed = rows.apply(accounts.stream().map(ChannelAccount::id).toList(), update);
    for (ChannelAccount a : accounts) {
      String target = Sources.channel(a.id());
      outbox.enqueue(
          a.workspaceId(),
          target,
          TemplateActions.SYNC_TEMPLATES,
          "templates:" + a.id(),
          "templates-sync:" + a.id() + ":" + update.dedupeKey(),
          a.id());
    }
    return what
        + ": "
        + changed
        + " stored template(s) updated; a sync of "
        + accounts.size()
        + " account(s) is scheduled";
  }

  private List<ChannelAccount> accountsOf(String source) {
    if (source.startsWith(Sources.APP)) {
      String appId = source.substring(Sources.APP.length());
      return connections.channels().stream().filter(a -> appId.equals(a.appId())).toList();
    }
    return connections.channel(source.substring(Sources.CHANNEL.length())).stream().toList();
  }
}
