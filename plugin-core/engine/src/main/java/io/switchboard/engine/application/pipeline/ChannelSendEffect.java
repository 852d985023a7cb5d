package io.switchboard.engine.application.pipeline;

import io.switchboard.engine.application.connections.PluginRegistry;
import io.switchboard.engine.application.governor.SendGovernor;
import io.switchboard.engine.domain.MessageStatus;
import io.switchboard.engine.ledger.OutboxEntry;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import io.switchboard.spi.channel.ChannelConnector;
import io.switchboard.spi.channel.ConversationFacts;
import io.switchboard.spi.channel.OutboundMessage;
import io.switchboard.spi.channel.SendDecision;
import io.switchboard.spi.channel.SendReceipt;
import io.switchboard.spi.content.OutboundContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * {@code SEND_TO_CHANNEL}: a message to the customer goes out as what it holds (text, a file by
 * media reference, a template), after the channel's send policy allowed it (window, type, size). A
 * file is checked and uploaded once ({@link OutboundMedia}); a message already sent is never sent
 * again.
 */
@ApplicationScoped
public class ChannelSendEffect {
  @Inject EffectRecords records;
  @Inject PluginRegistry registry;
  @Inject OutboundMedia media;
  @Inject Clock clock;
  @Inject SendGovernor governor;

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    if (s.message().externalId() != null || s.message().status() != MessageStatus.PENDING) {
      return "already " + s.message().status() + " (" + s.message().externalId() + ")";
    }
    ChannelConnector connector = registry.connector(s.channel());
    ConversationFacts facts = facts(s);
    OutboundContent content = content(s, connector, facts);
    SendDecision decision = allowed(connector, content, facts);
    // Governor: rate, pair limit and pauses; a send that must wait is deferred, not failed (a
    // file is uploaded before, once: its media id is kept, so a deferred send does not upload
    // again).
    SendGovernor.Admission admission =
        governor.admit(s.channel().id(), connector.sendPolicy(), s.conversation().channelUserId());
    SendReceipt receipt;
    try {
      receipt =
          connector.send(
              new OutboundMessage(
                  entry.idempotencyKey(),
                  s.conversation().channelUserId(),
                  s.customer().phoneE164(),
                  content,
                  OutboundContentJson.read(s.message()).replyTo(),
                  decision.tag().orElse(null)));
    } catch (RetryableException | PermanentException e) {
      governor.failed(admission, e); // throttling and a rejected token: deferred
      throw e;
    }
    records.sentIn(
        s.message().id(),
        receipt.externalMessageId(),
        decision.window() == null ? null : decision.window().name());
    return "sent as " + receipt.externalMessageId();
  }

  /** What the message holds, as the channel is to get it (a file uploaded first, once). */
  private OutboundContent content(
      EffectRecords.Subject s, ChannelConnector connector, ConversationFacts facts)
      throws RetryableException, PermanentException {
    OutboundContentJson.Stored stored = OutboundContentJson.read(s.message());
    return stored.file() == null
        ? stored.content()
        : media.prepare(s, stored.file(), connector, facts);
  }

  /**
   * The policy's decision; a refusal is thrown before any call to the channel, so the agent is told
   * why, in neutral words.
   */
  private static SendDecision allowed(
      ChannelConnector connector, OutboundContent content, ConversationFacts facts)
      throws PermanentException {
    SendDecision decision = connector.sendPolicy().check(content, facts);
    if (!decision.allowed()) {
      throw new PermanentException(
          decision.explanation(), null, "policy:" + decision.reason().name(), decision.reason());
    }
    return decision;
  }

  private ConversationFacts facts(EffectRecords.Subject s) {
    return new ConversationFacts(
        s.conversation().lastInboundAt(), s.conversation().adReferralAt(), clock.instant());
  }
}
