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
import io.switchboard.spi.content.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * {@code SEND_TO_CHANNEL}: an agent's reply goes to the customer, after the channel's send policy
 * allowed it (window, type, size). A reply already sent is never sent again.
 */
@ApplicationScoped
public class ChannelSendEffect {
  @Inject EffectRecords records;
  @Inject PluginRegistry registry;
  @Inject Clock clock;
  @Inject SendGovernor governor;

  public String perform(OutboxEntry entry) throws RetryableException, PermanentException {
    EffectRecords.Subject s = records.load(entry.subjectId());
    if (s.message().externalId() != null || s.message().status() != MessageStatus.PENDING) {
      return "already " + s.message().status() + " (" + s.message().externalId() + ")";
    }
    ChannelConnector connector = registry.connector(s.channel());
    OutboundContent content = Text.of(s.message().body() == null ? "" : s.message().body());
    SendDecision decision =
        connector
            .sendPolicy()
            .check(
                content,
                new ConversationFacts(
                    s.conversation().lastInboundAt(),
                    s.conversation().adReferralAt(),
                    clock.instant()));
    if (!decision.allowed()) {
      // Refused before any call to the channel: the agent is told why, in neutral words.
      throw new PermanentException(
          decision.explanation(), null, "policy:" + decision.reason().name(), decision.reason());
    }
    // Governor: rate, pair limit and pauses; a send that must wait is deferred, not failed.
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
                  null,
                  decision.tag().orElse(null)));
    } catch (RetryableException | PermanentException e) {
      governor.failed(admission, e); // throttling codes and a rejected token: deferred
      throw e;
    }
    records.sent(s.message().id(), receipt.externalMessageId());
    return "sent as " + receipt.externalMessageId();
  }
}
