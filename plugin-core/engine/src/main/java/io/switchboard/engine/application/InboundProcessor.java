package io.switchboard.engine.application;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.channel.CustomerMessage;
import io.switchboard.spi.channel.DeliveryUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * Processes one ledger event in one transaction: the row stays locked while its effects (domain
 * changes, outbox entries) are written, and is marked done in the same commit. A failure rolls all
 * of it back; {@link InboundWorker} then records the failed attempt.
 */
@ApplicationScoped
public class InboundProcessor {
  @Inject InboundEventLedger ledger;
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject ChannelEventIntake channelIntake;
  @Inject CrmEventIntake crmIntake;
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
    if (event.source().startsWith(Sources.CHANNEL)) {
      processChannelEvent(event);
    } else if (event.source().startsWith(Sources.CRM)) {
      processCrmEvent(event);
    } else {
      throw new UnprocessableEventException("unknown source " + event.source(), null);
    }
    event.done(clock.instant());
    return true;
  }

  private void processChannelEvent(InboundEvent event) {
    String channelId = event.source().substring(Sources.CHANNEL.length());
    ChannelAccount account =
        connections
            .channel(channelId)
            .orElseThrow(
                () -> new UnprocessableEventException("channel " + channelId + " is gone", null));
    io.switchboard.spi.channel.InboundEvent parsed;
    try {
      parsed =
          registry.connector(account).parse(event.body()).stream()
              .filter(e -> e.dedupeKey().equals(event.dedupeKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new UnprocessableEventException(
                          "event " + event.dedupeKey() + " no longer found in its body", null));
    } catch (MalformedPayloadException e) {
      throw new UnprocessableEventException("stored body unreadable: " + e.getMessage(), e);
    }
    if (parsed instanceof CustomerMessage message) {
      channelIntake.customerMessage(account, message);
    } else if (parsed instanceof DeliveryUpdate update) {
      channelIntake.deliveryUpdate(account, update);
    }
  }

  private void processCrmEvent(InboundEvent event) {
    String connectionId = event.source().substring(Sources.CRM.length());
    CrmConnection connection =
        connections
            .crm(connectionId)
            .orElseThrow(
                () ->
                    new UnprocessableEventException(
                        "CRM connection " + connectionId + " is gone", null));
    try {
      crmIntake.handle(connection, CrmEventJson.read(event.body()));
    } catch (MalformedPayloadException e) {
      throw new UnprocessableEventException(e.getMessage(), e);
    }
  }
}
