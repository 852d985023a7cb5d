package io.switchboard.engine.application;

import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Step 1 of the pipeline: verify a webhook, store its events durably (deduplicated), and only then
 * let the caller acknowledge it. Nothing that can fail for business reasons happens here.
 */
@ApplicationScoped
public class WebhookIngestion {
  @Inject Connections connections;
  @Inject PluginRegistry registry;
  @Inject InboundEventLedger ledger;
  @Inject PipelineMetrics metrics;

  /** Stores the events of a channel webhook (e.g. a WhatsApp POST). */
  @Transactional
  public IngestOutcome ingestChannel(String channelId, WebhookRequest request) {
    Optional<ChannelAccount> account = connections.channel(channelId);
    if (account.isEmpty()) {
      return IngestOutcome.refused(IngestOutcome.Result.UNKNOWN_SOURCE, "no channel " + channelId);
    }
    ChannelConnector connector = registry.connector(account.get());
    String source = Sources.channel(channelId);
    if (!connector.isAuthentic(request)) {
      metrics.webhook(source, "unauthentic");
      return IngestOutcome.refused(IngestOutcome.Result.UNAUTHENTIC, "signature not valid");
    }
    List<io.switchboard.spi.channel.InboundEvent> events;
    try {
      events = connector.parse(request.body());
    } catch (MalformedPayloadException e) {
      return quarantine(account.get().workspaceId(), source, request.body(), e.getMessage());
    }
    int stored = 0;
    for (io.switchboard.spi.channel.InboundEvent event : events) {
      if (ledger.append(
          account.get().workspaceId(),
          source,
          event.dedupeKey(),
          orderingKey(source, event),
          InboundEvent.RAW,
          request.body())) {
        stored++;
      }
    }
    return accepted(source, stored, events.size() - stored);
  }

  /** Stores the events of a CRM webhook (e.g. RT's scrip), in neutral form. */
  @Transactional
  public IngestOutcome ingestCrm(String connectionId, WebhookRequest request) {
    Optional<CrmConnection> connection = connections.crm(connectionId);
    if (connection.isEmpty()) {
      return IngestOutcome.refused(
          IngestOutcome.Result.UNKNOWN_SOURCE, "no CRM connection " + connectionId);
    }
    CrmAdapter adapter = registry.adapter(connection.get());
    String source = Sources.crm(connectionId);
    if (!adapter.isAuthentic(request)) {
      metrics.webhook(source, "unauthentic");
      return IngestOutcome.refused(IngestOutcome.Result.UNAUTHENTIC, "signature not valid");
    }
    List<CrmEvent> events;
    try {
      events = adapter.parseWebhook(request.body());
    } catch (MalformedPayloadException e) {
      return quarantine(connection.get().workspaceId(), source, request.body(), e.getMessage());
    }
    int stored = storeCrmEvents(connection.get(), events);
    return accepted(source, stored, events.size() - stored);
  }

  /**
   * Stores CRM events (from a webhook or a poll) in the caller's transaction.
   *
   * @return how many were new
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int storeCrmEvents(CrmConnection connection, List<CrmEvent> events) {
    String source = Sources.crm(connection.id());
    int stored = 0;
    for (CrmEvent event : events) {
      if (ledger.append(
          connection.workspaceId(),
          source,
          event.eventId(),
          source + "|" + event.ticketId(),
          InboundEvent.NEUTRAL,
          CrmEventJson.write(event))) {
        stored++;
      }
    }
    return stored;
  }

  /**
   * Customer messages keep their order per customer. Delivery statuses need no order among
   * themselves (they only ever move a message forward), so each message's statuses get their own
   * key: a status that must wait for its send to be recorded never holds up the customer's
   * messages.
   */
  private static String orderingKey(String source, io.switchboard.spi.channel.InboundEvent event) {
    if (event instanceof DeliveryUpdate update) {
      return source + "|status|" + update.externalMessageId();
    }
    return source + "|" + event.orderingKey();
  }

  private IngestOutcome accepted(String source, int stored, int duplicates) {
    metrics.webhook(source, duplicates > 0 && stored == 0 ? "duplicate" : "accepted");
    return new IngestOutcome(IngestOutcome.Result.ACCEPTED, stored, duplicates, null);
  }

  private IngestOutcome quarantine(String workspace, String source, byte[] body, String reason) {
    ledger.quarantine(workspace, source, "malformed:" + sha256(body), body, "malformed: " + reason);
    metrics.webhook(source, "quarantined");
    return new IngestOutcome(IngestOutcome.Result.QUARANTINED, 0, 0, reason);
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
