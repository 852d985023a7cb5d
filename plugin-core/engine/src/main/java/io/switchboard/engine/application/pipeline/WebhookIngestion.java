package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.Connections;
import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.routing.ChannelRouting;
import io.switchboard.engine.domain.ChannelAccount;
import io.switchboard.engine.domain.CrmConnection;
import io.switchboard.engine.ledger.InboundEvent;
import io.switchboard.engine.ledger.InboundEventLedger;
import io.switchboard.spi.MalformedPayloadException;
import io.switchboard.spi.WebhookRequest;
import io.switchboard.spi.channel.ChannelWebhookReceiver;
import io.switchboard.spi.channel.DeliveryUpdate;
import io.switchboard.spi.channel.UnreadableEvent;
import io.switchboard.spi.crm.CrmAdapter;
import io.switchboard.spi.crm.CrmEvent;
import io.switchboard.spi.crm.FieldChange;
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
 * let the caller acknowledge it. Nothing that can fail for business reasons happens here: which
 * channel account an app's event belongs to is decided when it is processed, so an event for an
 * account nobody configured yet is kept, never refused.
 */
@ApplicationScoped
public class WebhookIngestion {
  @Inject Connections connections;
  @Inject ChannelRouting routing;
  @Inject PluginRegistry registry;
  @Inject InboundEventLedger ledger;
  @Inject PipelineMetrics metrics;

  /** Stores the events of a channel app's webhook (one Meta app, all its numbers). */
  @Transactional
  public IngestOutcome ingestApp(String appId, WebhookRequest request) {
    var app = routing.app(appId);
    if (app.isEmpty()) {
      return IngestOutcome.refused(IngestOutcome.Result.UNKNOWN_SOURCE, "no channel app " + appId);
    }
    return ingestChannelEvents(
        app.get().workspaceId(), Sources.app(appId), registry.receiver(app.get()), request);
  }

  /** Stores the events of a channel account's own webhook (e.g. a WhatsApp POST). */
  @Transactional
  public IngestOutcome ingestChannel(String channelId, WebhookRequest request) {
    Optional<ChannelAccount> account = connections.channel(channelId);
    if (account.isEmpty()) {
      return IngestOutcome.refused(IngestOutcome.Result.UNKNOWN_SOURCE, "no channel " + channelId);
    }
    return ingestChannelEvents(
        account.get().workspaceId(),
        Sources.channel(channelId),
        receiverOf(account.get()),
        request);
  }

  /** The receiver that verifies and parses a channel account's webhooks. */
  public ChannelWebhookReceiver receiverOf(ChannelAccount account) {
    if (account.appId() != null) {
      return routing
          .app(account.appId())
          .map(registry::receiver)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "channel " + account.id() + " names app " + account.appId() + ", gone"));
    }
    return registry.standaloneReceiver(account);
  }

  private IngestOutcome ingestChannelEvents(
      String workspace, String source, ChannelWebhookReceiver receiver, WebhookRequest request) {
    if (!receiver.isAuthentic(request)) {
      metrics.webhook(source, "unauthentic");
      return IngestOutcome.refused(IngestOutcome.Result.UNAUTHENTIC, "signature not valid");
    }
    List<io.switchboard.spi.channel.InboundEvent> events;
    try {
      events = receiver.parse(request.body());
    } catch (MalformedPayloadException e) {
      return quarantine(workspace, source, request.body(), e.getMessage());
    }
    int stored = 0;
    int quarantined = 0;
    for (io.switchboard.spi.channel.InboundEvent event : events) {
      if (event instanceof UnreadableEvent bad) {
        // One event nobody can read is set aside alone; the good ones beside it go on.
        String key = Sources.UNREADABLE + sha256(request.body()) + ":" + bad.dedupeKey();
        if (ledger.quarantine(
            workspace, source, key, request.body(), "unreadable event: " + bad.reason())) {
          quarantined++;
        }
        continue;
      }
      if (ledger.append(
          workspace,
          source,
          event.dedupeKey(),
          orderingKey(source, event),
          InboundEvent.RAW,
          request.body(),
          event.accountId())) {
        stored++;
      }
    }
    if (quarantined > 0) {
      metrics.webhook(source, "quarantined");
    }
    return accepted(source, stored, events.size() - stored - quarantined);
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
   * Stores CRM events (from a webhook, a poll or a replayed body) in the caller's transaction.
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
          source + "|" + orderingSubject(event),
          InboundEvent.NEUTRAL,
          CrmEventJson.write(event),
          null)) {
        stored++;
      }
    }
    return stored;
  }

  /**
   * Stores the events of a body again, in the caller's transaction: the replay of a body that was
   * quarantined whole (malformed) or for one unreadable event, after the plugin was fixed. Events
   * stored before are duplicates and cost nothing.
   *
   * @return the events still unreadable (a replay that changes nothing stays in quarantine)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UnreadableEvent> storeChannelEventsAgain(
      String workspace, String source, ChannelWebhookReceiver receiver, byte[] body)
      throws MalformedPayloadException {
    List<UnreadableEvent> unreadable = new java.util.ArrayList<>();
    for (io.switchboard.spi.channel.InboundEvent event : receiver.parse(body)) {
      if (event instanceof UnreadableEvent bad) {
        unreadable.add(bad);
      } else {
        ledger.append(
            workspace,
            source,
            event.dedupeKey(),
            orderingKey(source, event),
            InboundEvent.RAW,
            body,
            event.accountId());
      }
    }
    return unreadable;
  }

  /**
   * Customer messages keep their order per customer and account. Delivery statuses need no order
   * among themselves (they only ever move a message forward), so each message's statuses get their
   * own key: a status that must wait for its send to be recorded never holds up the customer's
   * messages.
   */
  private static String orderingKey(String source, io.switchboard.spi.channel.InboundEvent event) {
    if (event instanceof DeliveryUpdate update) {
      return source + "|status|" + update.externalMessageId();
    }
    return source + "|" + event.accountId() + "|" + event.orderingKey();
  }

  private IngestOutcome accepted(String source, int stored, int duplicates) {
    metrics.webhook(source, duplicates > 0 && stored == 0 ? "duplicate" : "accepted");
    return new IngestOutcome(IngestOutcome.Result.ACCEPTED, stored, duplicates, null);
  }

  private IngestOutcome quarantine(String workspace, String source, byte[] body, String reason) {
    ledger.quarantine(
        workspace, source, Sources.MALFORMED + sha256(body), body, "malformed: " + reason);
    metrics.webhook(source, "quarantined");
    return new IngestOutcome(IngestOutcome.Result.QUARANTINED, 0, 0, reason);
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Events of one ticket, or of one requester (field changes), are processed in order. */
  private static String orderingSubject(CrmEvent event) {
    return event.ticketId() != null
        ? event.ticketId()
        : event instanceof FieldChange f ? "requester:" + f.objectId() : "none";
  }
}
