package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.orders.ShopEventIntake;
import io.switchboard.engine.application.routing.ChannelRouting;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.channel.BusinessMessage;
import io.switchboard.spi.channel.ChannelWebhookReceiver;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.TemplateUpdate;
import io.switchboard.spi.channel.UnreadableEvent;
import io.switchboard.spi.crm.CrmAdapter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Processes one ledger event in one transaction: the row stays locked while its effects (domain
 * changes, outbox entries) are written, and is marked done in the same commit. A failure rolls all
 * of it back; {@link InboundWorker} then records the failed attempt.
 *
 * <p>Channel events are routed here, not at ingest: an app's event goes to the account of that app
 * with the event's account id; an event for an account nobody configured is parked with the reason
 * until it is added. Rows that hold a whole quarantined body (malformed, or with an unreadable
 * event) are ingested again when replayed.
 */
@ApplicationScoped
public class InboundProcessor {
  @Inject InboundEventLedger ledger;
  @Inject Connections connections;
  @Inject ChannelRouting routing;
  @Inject PluginRegistry registry;
  @Inject WebhookIngestion ingestion;
  @Inject ChannelEventIntake channelIntake;
  @Inject TemplateUpdates templateUpdates;
  @Inject CrmEventIntake crmIntake;
  @Inject ShopEventIntake shopIntake;
  @Inject Clock clock;

  /**
   * @return whether the row was processed (false: not due, locked elsewhere, or waiting for an
   *     earlier event of the same conversation)
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean process(long id) {
    Optional<InboundEvent> locked = ledger.lock(id);
    if (locked.isEmpty()) {
      return false;
    }
    InboundEvent event = locked.get();
    boolean done;
    if (event.source().startsWith(Sources.CHANNEL) || event.source().startsWith(Sources.APP)) {
      done = processChannelEvent(event);
    } else if (event.source().startsWith(Sources.CRM)) {
      Optional<String> note = processCrmEvent(event);
      if (note.isPresent()) {
        event.doneWithNote(note.get(), clock.instant());
        return true;
      }
      done = true;
    } else if (event.source().startsWith(Sources.SHOP)) {
      Optional<String> note = shopIntake.process(event);
      if (note.isPresent()) {
        event.doneWithNote(note.get(), clock.instant());
        return true;
      }
      done = true;
    } else {
      throw new UnprocessableEventException("unknown source " + event.source(), null);
    }
    if (done) {
      event.done(clock.instant());
    }
    return true;
  }

  /**
   * @return false when the event was parked, or already finished with a note, instead of processed
   */
  private boolean processChannelEvent(InboundEvent event) {
    ChannelWebhookReceiver receiver = receiverOf(event.source());
    if (Sources.isWholeBody(event.dedupeKey())) {
      ingestAgain(event, receiver);
      return true;
    }
    io.switchboard.spi.channel.InboundEvent parsed = parsedEvent(event, receiver);
    if (parsed instanceof TemplateUpdate update) {
      // Names a business account, not one number: applied to the app's accounts, never parked.
      event.doneWithNote(templateUpdates.apply(event.source(), update), clock.instant());
      return false;
    }
    Optional<ChannelAccount> account = accountOf(event.source(), parsed.accountId());
    if (account.isEmpty()) {
      event.park(
          "no channel account for account id "
              + parsed.accountId()
              + " ("
              + event.source()
              + "): configure one and this event is processed",
          clock.instant());
      return false;
    }
    if (parsed instanceof CustomerMessage message) {
      channelIntake.customerMessage(account.get(), message);
    } else if (parsed instanceof DeliveryUpdate update) {
      channelIntake.deliveryUpdate(account.get(), update);
    } else if (parsed instanceof BusinessMessage message) {
      channelIntake.businessMessage(account.get(), message);
    }
    return true;
  }

  private ChannelWebhookReceiver receiverOf(String source) {
    if (source.startsWith(Sources.APP)) {
      String appId = source.substring(Sources.APP.length());
      return registry.receiver(
          routing
              .app(appId)
              .orElseThrow(
                  () ->
                      new UnprocessableEventException("channel app " + appId + " is gone", null)));
    }
    String channelId = source.substring(Sources.CHANNEL.length());
    return ingestion.receiverOf(
        connections
            .channel(channelId)
            .orElseThrow(
                () -> new UnprocessableEventException("channel " + channelId + " is gone", null)));
  }

  private io.switchboard.spi.channel.InboundEvent parsedEvent(
      InboundEvent event, ChannelWebhookReceiver receiver) {
    try {
      return receiver.parse(event.body()).stream()
          .filter(e -> e.dedupeKey().equals(event.dedupeKey()))
          .findFirst()
          .orElseThrow(
              () ->
                  new UnprocessableEventException(
                      "event " + event.dedupeKey() + " no longer found in its body", null));
    } catch (MalformedPayloadException e) {
      throw new UnprocessableEventException("stored body unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * The account an event belongs to: for an app, its account with the event's account id; for an
   * account's own URL, that account, unless the event names another configured number.
   */
  private Optional<ChannelAccount> accountOf(String source, String accountId) {
    if (source.startsWith(Sources.APP)) {
      return routing.account(source.substring(Sources.APP.length()), accountId);
    }
    ChannelAccount own =
        connections.channel(source.substring(Sources.CHANNEL.length())).orElseThrow();
    if (accountId == null
        || accountId.isBlank()
        || own.accountId() == null
        || own.accountId().equals(accountId)) {
      return Optional.of(own);
    }
    return routing.byAccountId(own.plugin(), accountId);
  }

  private void ingestAgain(InboundEvent event, ChannelWebhookReceiver receiver) {
    String workspace = event.workspaceId();
    List<UnreadableEvent> still;
    try {
      still = ingestion.storeChannelEventsAgain(workspace, event.source(), receiver, event.body());
    } catch (MalformedPayloadException e) {
      throw new UnprocessableEventException("still malformed: " + e.getMessage(), e);
    }
    String mine = event.dedupeKey();
    for (UnreadableEvent bad : still) {
      if (mine.endsWith(":" + bad.dedupeKey())) {
        throw new UnprocessableEventException("still unreadable: " + bad.reason(), null);
      }
    }
  }

  private Optional<String> processCrmEvent(InboundEvent event) {
    String connectionId = event.source().substring(Sources.CRM.length());
    CrmConnection connection =
        connections
            .crm(connectionId)
            .orElseThrow(
                () ->
                    new UnprocessableEventException(
                        "CRM connection " + connectionId + " is gone", null));
    if (Sources.isWholeBody(event.dedupeKey())) {
      CrmAdapter adapter = registry.adapter(connection);
      try {
        ingestion.storeCrmEvents(connection, adapter.parseWebhook(event.body()));
      } catch (MalformedPayloadException e) {
        throw new UnprocessableEventException("still malformed: " + e.getMessage(), e);
      }
      return Optional.empty();
    }
    try {
      return crmIntake.handle(connection, CrmEventJson.read(event.body()));
    } catch (MalformedPayloadException e) {
      throw new UnprocessableEventException(e.getMessage(), e);
    }
  }
}
