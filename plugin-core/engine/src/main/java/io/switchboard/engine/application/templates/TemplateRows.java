package io.switchboard.engine.application.templates;

import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.engine.domain.ChannelTemplateRepository;
import io.switchboard.spi.channel.TemplateUpdate;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the engine's copy of an account's templates: a sync replaces them (new ones inserted,
 * changed ones updated, vanished ones deleted), a template webhook changes matching rows at once.
 */
@ApplicationScoped
public class TemplateRows {
  @Inject ChannelTemplateRepository templates;
  @Inject Clock clock;

  /** What a sync changed. */
  public record Replaced(int inserted, int updated, int deleted, int unchanged) {
    @Override
    public String toString() {
      return inserted
          + " new, "
          + updated
          + " changed, "
          + deleted
          + " deleted, "
          + unchanged
          + " unchanged";
    }
  }

  /** Makes the stored templates of an account exactly the channel's list. */
  @Transactional
  public Replaced replace(String workspaceId, String channelId, List<TemplateDefinition> defs) {
    templates.lockForSync(channelId); // a concurrent sync of this account waits for this one
    Instant now = clock.instant();
    Map<String, ChannelTemplate> stored = new HashMap<>();
    for (ChannelTemplate t : templates.ofChannel(channelId)) {
      stored.put(key(t.name(), t.language()), t);
    }
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    for (TemplateDefinition d : defs) {
      ChannelTemplate row = stored.remove(key(d.name(), d.language()));
      boolean isNew = row == null;
      if (isNew) {
        row = new ChannelTemplate(workspaceId, channelId, d.name(), d.language(), now);
        templates.add(row);
      }
      boolean changed =
          row.synced(
              d.id(),
              d.category(),
              d.status(),
              d.statusReason(),
              TemplatePartsJson.write(d.parts()),
              TemplatePartsJson.counts(d.parts()),
              now);
      if (isNew) {
        inserted++;
      } else if (changed) {
        updated++;
      } else {
        unchanged++;
      }
    }
    stored.values().forEach(templates::remove);
    return new Replaced(inserted, updated, stored.size(), unchanged);
  }

  /**
   * Applies a channel's status or category change to the matching templates of the given accounts
   * (by the channel's template id, else by name and language, every language when none is given).
   *
   * @return how many rows changed
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public int apply(List<String> channelIds, TemplateUpdate update) {
    if (update.change() != TemplateUpdate.Change.STATUS
        && update.change() != TemplateUpdate.Change.CATEGORY) {
      return 0;
    }
    if (update.value() == null || update.value().isBlank()) {
      return 0;
    }
    Instant now = clock.instant();
    int changed = 0;
    for (String channelId : channelIds) {
      for (ChannelTemplate t : matching(channelId, update)) {
        if (update.change() == TemplateUpdate.Change.STATUS) {
          t.statusIs(update.value().toUpperCase(Locale.ROOT), update.reason(), now);
        } else {
          t.categoryIs(update.value().toUpperCase(Locale.ROOT), now);
        }
        changed++;
      }
    }
    return changed;
  }

  private List<ChannelTemplate> matching(String channelId, TemplateUpdate update) {
    if (update.templateId() != null) {
      List<ChannelTemplate> byId = templates.byExternalId(channelId, update.templateId());
      if (!byId.isEmpty()) {
        return byId;
      }
    }
    if (update.name() == null) {
      return List.of();
    }
    List<ChannelTemplate> out = new ArrayList<>();
    for (ChannelTemplate t : templates.byName(channelId, update.name())) {
      if (update.language() == null || update.language().equals(t.language())) {
        out.add(t);
      }
    }
    return out;
  }

  /** The stored templates of an account, optionally only of one status and language. */
  @Transactional
  public List<ChannelTemplate> list(String channelId, String status, String language) {
    return templates.ofChannel(channelId).stream()
        .filter(t -> status == null || status.equalsIgnoreCase(t.status()))
        .filter(t -> language == null || language.equals(t.language()))
        .toList();
  }

  /** The stored templates of an account with a name, in every language. */
  @Transactional
  public List<ChannelTemplate> named(String channelId, String name) {
    return templates.byName(channelId, name);
  }

  private static String key(String name, String language) {
    return name + "\u0000" + language;
  }
}
