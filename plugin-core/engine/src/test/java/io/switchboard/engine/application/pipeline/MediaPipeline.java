package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.media.MediaBeans;
import io.switchboard.engine.application.media.MediaSettings;
import io.switchboard.engine.application.media.TestChannel;
import io.switchboard.engine.application.media.TestCrm;
import io.switchboard.engine.application.sync.BridgeValueSource;
import io.switchboard.engine.application.sync.MappingStore;
import io.switchboard.engine.application.sync.StoredMapping;
import io.switchboard.engine.application.sync.SyncStates;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.domain.MediaObject;
import io.switchboard.engine.infrastructure.media.FileSystemMediaStore;
import io.switchboard.engine.infrastructure.media.MediaStores;
import io.switchboard.engine.infrastructure.persistence.DatabaseMediaStore;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ChannelUser;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.MessageContext;
import io.switchboard.spi.content.Media;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.capability.FieldTarget;
import io.switchboard.sync.BridgeValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole media path wired by hand over a test database: the real intake, outbox, dispatcher, CRM
 * delivery and media effects, with a channel and a CRM scripted at the SPI ({@link TestChannel},
 * {@link TestCrm}).
 */
final class MediaPipeline implements AutoCloseable {
  static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  final IntakeFixture f = new IntakeFixture();
  final TestChannel channel = new TestChannel();
  final TestCrm crm = new TestCrm();
  final MediaSettings settings;
  final EffectRecords records = effectRecords();
  final MediaBeans media;
  final OutboxEffects effects = new OutboxEffects();
  final OutboxDispatcher dispatcher = new OutboxDispatcher();
  private int wamids;

  MediaPipeline(long maxBytes, String storeKind, Path directory) {
    settings = new MediaSettings(maxBytes, "PT15M", "P90D");
    PluginRegistry registry =
        new PluginRegistry() {
          @Override
          public ChannelConnector connector(ChannelAccount account) {
            return channel;
          }

          @Override
          public CrmAdapter adapter(CrmConnection connection) {
            return crm;
          }
        };
    MediaStores stores =
        new MediaStores(
            new DatabaseMediaStore(f.tx.entityManager()),
            new FileSystemMediaStore(directory),
            storeKind);
    media = new MediaBeans(f.tx, f.clock, f.outbox, registry, records, stores, settings, KEY);
    f.channelIntake.media = media.intake;
    CrmDeliveryEffect delivery = new CrmDeliveryEffect();
    delivery.records = records;
    delivery.registry = registry;
    delivery.mappings = mappings();
    delivery.bridgeValues = bridgeValues();
    delivery.syncStates = syncStates();
    delivery.media = media.forCrm;
    effects.records = records;
    effects.registry = registry;
    effects.crmDelivery = delivery;
    effects.mediaFetch = media.fetch;
    effects.mediaAttach = media.attach;
    effects.media = media.records;
    RetrySettings retries = new RetrySettings();
    retries.baseDelayMs = 1000;
    retries.maxDelayMs = 600_000;
    retries.inboundHorizon = "PT24H";
    retries.outboxHorizon = "PT24H";
    dispatcher.outbox = f.outbox;
    dispatcher.effects = effects;
    dispatcher.metrics = new PipelineFixture.QuietMetrics();
    dispatcher.clock = f.clock;
    dispatcher.retries = retries;
    dispatcher.leaseSeconds = 120;
  }

  /** A customer's media message comes in (through the real intake). */
  String customerSends(Media content) {
    f.clock.advance(java.time.Duration.ofSeconds(1));
    CustomerMessage event =
        new CustomerMessage(
            "wamid.m" + (++wamids),
            "1065",
            new ChannelUser("16505551234", "16505551234", "Kerry"),
            f.clock.instant(),
            content,
            MessageContext.NONE,
            "{}");
    f.inTx(() -> f.channelIntake.customerMessage(f.account, event));
    return f.inTx(() -> f.messages.byExternalId("wa", event.externalId()).orElseThrow().id());
  }

  MediaObject mediaOf(String messageId) {
    return f.inTx(() -> media.repository.ofMessage(messageId).get(0));
  }

  List<OutboxEntry> entries(String action) {
    return f.outbox().stream().filter(e -> e.action().equals(action)).toList();
  }

  /** Performs what is due for one target (a lane). */
  int drain(String target) {
    return dispatcher.drain(target);
  }

  /** Runs every lane until nothing is due, moving the clock past each retry. */
  void settle() {
    for (int i = 0; i < 200; i++) {
      dispatcher.drain();
      f.clock.advance(java.time.Duration.ofSeconds(30));
    }
  }

  private EffectRecords effectRecords() {
    EffectRecords real = new EffectRecords();
    real.em = f.tx.entityManager();
    real.messages = f.messages;
    FailureNotes notes = new FailureNotes();
    notes.outbox = f.outbox;
    real.notes = notes;
    real.clock = f.clock;
    real.conversationChanged = f.sync.conversationChanged;
    real.orderBook = f.orderBook;
    return new EffectRecords() {
      @Override
      public Subject load(String messageId) throws PermanentException {
        return MediaBeans.Tx.call(f.tx, () -> real.load(messageId));
      }

      @Override
      public void requesterCreated(Subject s, String requesterId) {
        f.tx.run(() -> real.requesterCreated(s, requesterId));
      }

      @Override
      public void ticketOpened(String conversationId, String ticketId) {
        f.tx.run(() -> real.ticketOpened(conversationId, ticketId));
      }

      @Override
      public void ticketReopened(String conversationId) {
        f.tx.run(() -> real.ticketReopened(conversationId));
      }

      @Override
      public void mirrored(String messageId, String entryId) {
        f.tx.run(() -> real.mirrored(messageId, entryId));
      }
    };
  }

  private MappingStore mappings() {
    return new MappingStore() {
      @Override
      public StoredMapping current(String connectionId) {
        return f.tx.required(() -> f.sync.mappings.current(connectionId));
      }
    };
  }

  private BridgeValueSource bridgeValues() {
    return new BridgeValueSource() {
      @Override
      public BridgeValues forConversation(String conversationId) {
        return f.tx.required(() -> f.sync.values.forConversation(conversationId));
      }

      @Override
      public BridgeValues forCustomer(String customerId) {
        return f.tx.required(() -> f.sync.values.forCustomer(customerId));
      }
    };
  }

  private SyncStates syncStates() {
    return new SyncStates() {
      @Override
      public void agreed(
          String connectionId,
          FieldTarget target,
          String objectId,
          Map<String, String> crmValues,
          Map<String, String> bridgeValues) {
        f.tx.run(
            () -> f.sync.states.agreed(connectionId, target, objectId, crmValues, bridgeValues));
      }
    };
  }

  @Override
  public void close() {
    f.close();
  }
}
