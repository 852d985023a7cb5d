package io.switchboard.engine.application.templates;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.domain.ChannelTemplate;
import io.switchboard.engine.infrastructure.TestTransactions;
import io.switchboard.engine.infrastructure.persistence.JpaChannelTemplateRepository;
import io.switchboard.spi.channel.TemplateUpdate;
import io.switchboard.spi.channel.capability.TemplateDefinition;
import java.time.Clock;
import java.util.List;

/**
 * The template beans wired by hand over a test database, each public method of {@link TemplateRows}
 * in the transaction its {@code @Transactional} asks for.
 */
public final class TemplateBeans {
  public final TemplateRows rows;
  public final TemplateSync sync = new TemplateSync();
  public final TemplateSyncEffect syncEffect = new TemplateSyncEffect();

  public TemplateBeans(TestTransactions tx, Clock clock) {
    rows =
        new TemplateRows() {
          @Override
          public Replaced replace(
              String workspaceId, String channelId, List<TemplateDefinition> d) {
            return tx.required(() -> super.replace(workspaceId, channelId, d));
          }

          @Override
          public int apply(List<String> channelIds, TemplateUpdate update) {
            return tx.required(() -> super.apply(channelIds, update));
          }

          @Override
          public List<ChannelTemplate> list(String channelId, String status, String language) {
            return tx.required(() -> super.list(channelId, status, language));
          }

          @Override
          public List<ChannelTemplate> named(String channelId, String name) {
            return tx.required(() -> super.named(channelId, name));
          }
        };
    rows.templates = new JpaChannelTemplateRepository(tx.entityManager());
    rows.clock = clock;
    sync.rows = rows;
    sync.clock = clock;
    syncEffect.sync = sync;
  }

  /** Where the sync finds accounts and their connectors. */
  public TemplateBeans plugins(Connections connections, PluginRegistry registry) {
    sync.connections = connections;
    sync.registry = registry;
    syncEffect.connections = connections;
    return this;
  }
}
